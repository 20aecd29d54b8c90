package camera.deferred.internal.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import media.library.DataDirectory;
import media.library.processing.CameraPhotoStore;

/**
 * Holds while the library is there to take results and the disk holding the data directory has room for the
 * replacement files. Every job waits while it does not hold: a result with nowhere to go would only fail.
 */
@Component(name = StorageHealthCondition.PID, configurationPid = StorageHealthCondition.PID,
		configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StorageHealthCondition.Config.class)
public class StorageHealthCondition implements Condition {
	public static final String PID = "camera.deferred.condition.storage";

	@ObjectClassDefinition(name = "Deferred processing: spool and library health",
			description = "Holds every job back while the library is absent or the disk is nearly full.")
	public @interface Config {
		@AttributeDefinition(description = "Least free space in megabytes on the disk of the data directory for jobs to run.")
		long minFreeMegabytes() default 64;
	}

	@Reference(service = LoggerFactory.class)
	private Logger log;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	volatile CameraPhotoStore library;

	private final Path dataDirectory;
	private volatile long minFreeBytes;

	@Activate
	public StorageHealthCondition(BundleContext context, Config config) {
		this(DataDirectory.of(context), config);
	}

	StorageHealthCondition(Path dataDirectory, Config config) {
		this.dataDirectory = dataDirectory;
		modified(config);
	}

	@Modified
	void modified(Config config) {
		minFreeBytes = config.minFreeMegabytes() * 1024 * 1024;
	}

	@Override
	public String name() {
		return "storage-health";
	}

	@Override
	public ConditionScope scope() {
		return ConditionScope.HEALTH;
	}

	@Override
	public boolean holds() {
		return library != null && diskHasRoom();
	}

	private boolean diskHasRoom() {
		try {
			Files.createDirectories(dataDirectory);
			return Files.getFileStore(dataDirectory).getUsableSpace() >= minFreeBytes;
		} catch (IOException e) {
			Logger logger = log;
			if (logger != null) {
				logger.warn("data directory {} is not usable: {}", dataDirectory, e.toString());
			}
			return false;
		}
	}
}
