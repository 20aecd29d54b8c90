package camera.deferred.internal.schedule;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.function.DoubleSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Holds while the system load average per core is below a limit. The engine's own workers count too; with the
 * default pool of cores − 1 workers they stay below one per core.
 */
@Component(name = CpuLoadCondition.PID, configurationPid = CpuLoadCondition.PID,
		configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CpuLoadCondition.Config.class)
public class CpuLoadCondition implements Condition {
	public static final String PID = "camera.deferred.condition.cpu";

	@ObjectClassDefinition(name = "Deferred processing: CPU load",
			description = "Holds NORMAL and LOW jobs back while the machine is busy.")
	public @interface Config {
		@AttributeDefinition(description = "Highest one-minute load average per core at which jobs still start.")
		double maxLoadPerCore() default 1.0;
	}

	private final DoubleSupplier loadPerCore;
	private volatile double maxLoadPerCore;

	@Activate
	public CpuLoadCondition(Config config) {
		this(config, systemLoadPerCore(ManagementFactory.getOperatingSystemMXBean()));
	}

	CpuLoadCondition(Config config, DoubleSupplier loadPerCore) {
		this.loadPerCore = loadPerCore;
		modified(config);
	}

	@Modified
	void modified(Config config) {
		maxLoadPerCore = config.maxLoadPerCore();
	}

	private static DoubleSupplier systemLoadPerCore(OperatingSystemMXBean system) {
		return () -> system.getSystemLoadAverage() / system.getAvailableProcessors();
	}

	@Override
	public String name() {
		return "cpu-load";
	}

	@Override
	public ConditionScope scope() {
		return ConditionScope.PRESSURE;
	}

	@Override
	public boolean holds() {
		double load = loadPerCore.getAsDouble();
		// A negative load means the platform cannot tell: do not hold work back forever.
		return load < 0 || load <= maxLoadPerCore;
	}
}
