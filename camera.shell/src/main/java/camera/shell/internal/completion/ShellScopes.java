package camera.shell.internal.completion;

import java.util.List;
import java.util.stream.Stream;

import camera.shell.internal.camera.CameraCommands;
import camera.shell.internal.deferred.DeferredCommands;
import camera.shell.internal.media.MediaCommands;

/** The scopes of this bundle's commands and the classes that provide them. */
final class ShellScopes {
	private ShellScopes() {
	}

	/** @return the syntax of every command of the camera, media and deferred scopes */
	static List<CommandSyntax> commands() {
		return Stream.of(CommandSyntax.of("camera", CameraCommands.class),
				CommandSyntax.of("media", MediaCommands.class), CommandSyntax.of("deferred", DeferredCommands.class))
			.flatMap(List::stream)
			.toList();
	}
}
