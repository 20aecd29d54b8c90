package camera.bench.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import camera.api.CameraException;
import camera.api.Size;
import camera.api.hal.SimulatedScene;
import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;

/**
 * {@code camera:reference}: writes a simulated camera's noise-free reference as a JPEG, rendered with the same
 * output transform as the photos, to lay next to a photo and judge its quality by eye or with a PSNR tool.
 */
@Component(service = ReferenceCommand.class, immediate = true,
		property = {"osgi.command.scope=camera", "osgi.command.function=reference"})
public final class ReferenceCommand {
	private static final String USAGE = "usage: camera:reference [-c camera] [-s WIDTHxHEIGHT] <file>";

	private final ReferenceExport export;
	private final Logger log;
	private final List<SimulatedScene> scenes = new CopyOnWriteArrayList<>();

	@Activate
	public ReferenceCommand(@Reference PhotoDeveloper developer, @Reference JpegCodec codec,
			@Reference(service = LoggerFactory.class) Logger log) {
		this.export = new ReferenceExport(developer, codec);
		this.log = log;
	}

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	void addScene(SimulatedScene scene) {
		scenes.add(scene);
	}

	void removeScene(SimulatedScene scene) {
		scenes.remove(scene);
	}

	@Descriptor("writes a simulated camera's noise-free reference as a JPEG, developed like its photos, to compare "
			+ "a photo with")
	public void reference(CommandSession session,
			@Descriptor("camera id; default: the first simulated camera")
			@Parameter(names = "-c", absentValue = "") String cameraId,
			@Descriptor("frame size WIDTHxHEIGHT, one of the camera's profiles")
			@Parameter(names = "-s", absentValue = "4000x3000") String size,
			@Descriptor("the JPEG file to write; an existing file is not replaced") String file) {
		if ("--help".equals(file)) {
			System.out.println(USAGE);
			return;
		}
		try {
			SimulatedScene scene = ReferenceExport.sceneOf(List.copyOf(scenes), cameraId);
			Path target = session.currentDir() == null ? Path.of(file) : session.currentDir().resolve(file);
			ReferenceExport.write(export.render(scene, Size.parse(size)), target);
			System.out.println("wrote the reference of " + scene.camera().id() + " at " + size + " to " + target);
		} catch (CameraException e) {
			System.err.println("error " + e.errorCode().code() + ": " + e.getMessage());
		} catch (FileAlreadyExistsException e) {
			System.err.println("camera:reference: " + file + " exists already; choose another file");
		} catch (IOException e) {
			log.warn("camera:reference could not write {}", file, e);
			System.err.println("camera:reference: cannot write " + file + ": " + e.getMessage());
		} catch (IllegalArgumentException e) {
			System.err.println("camera:reference: " + e.getMessage());
		}
	}

	@Descriptor("shows how to call camera:reference")
	public void reference() {
		System.err.println(USAGE);
	}
}
