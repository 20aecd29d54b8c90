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
 * replacement files. Every job waits while the library is absent: a result with nowhere to go would only fail.
 * Below the free-space floor one job at a time still runs while its photo fits: it writes one JPEG and then
 * deletes its raw frames, which gives back more than it took, so the jobs themselves bring the disk back above
 * the floor.
 */
@Component(name = StorageHealthCondition.PID, configurationPid = StorageHealthCondition.PID,
		configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StorageHealthCondition.Config.class)
public class StorageHealthCondition implements Condition {
	public static final String PID = "camera.deferred.condition.storage";

	@ObjectClassDefinition(name = "Deferred processing: spool and library health",
			description = "Holds every job back while the library is absent or the disk is full, and lets only one job"
					+ " at a time run while the disk is nearly full.")
	public @interface Config {
		@AttributeDefinition(description = "Least free space in megabytes on the disk of the data directory for jobs to run.")
		long minFreeMegabytes() default 64;

		@AttributeDefinition(description = "Least free space in megabytes for one job at a time to run below"
				+ " minFreeMegabytes: room for the photo it writes before it deletes its raw frames.")
		long minFreeForOneJobMegabytes() default 8;
	}

	@Reference(service = LoggerFactory.class)
	private Logger log;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	volatile CameraPhotoStore library;

	private final Path dataDirectory;
	private volatile long minFreeBytes;
	private volatile long minFreeForOneJobBytes;

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
		minFreeForOneJobBytes = config.minFreeForOneJobMegabytes() * 1024 * 1024;
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
		return library != null && diskHasRoom(minFreeBytes);
	}

	@Override
	public boolean letsOneJobRun() {
		return library != null && diskHasRoom(minFreeForOneJobBytes);
	}

	private boolean diskHasRoom(long minFree) {
		try {
			Files.createDirectories(dataDirectory);
			return Files.getFileStore(dataDirectory).getUsableSpace() >= minFree;
		} catch (IOException e) {
			Logger logger = log;
			if (logger != null) {
				logger.warn("data directory {} is not usable: {}", dataDirectory, e.toString());
			}
			return false;
		}
	}
}
