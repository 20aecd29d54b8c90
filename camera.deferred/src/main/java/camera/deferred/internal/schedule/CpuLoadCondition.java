package camera.deferred.internal.schedule;

import java.lang.management.ManagementFactory;
import java.util.function.DoubleSupplier;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Holds while other processes leave the CPU mostly free. The load of this JVM (the engine's own workers) is
 * taken out, or background development would hold itself back; the operating system MXBean's {@code CpuLoad} and
 * {@code ProcessCpuLoad} give both. Where they are unavailable, the load average per core stands in.
 */
@Component(name = CpuLoadCondition.PID, configurationPid = CpuLoadCondition.PID,
		configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CpuLoadCondition.Config.class)
public class CpuLoadCondition implements Condition {
	public static final String PID = "camera.deferred.condition.cpu";

	@ObjectClassDefinition(name = "Deferred processing: CPU load",
			description = "Holds NORMAL and LOW jobs back while other processes keep the machine busy.")
	public @interface Config {
		@AttributeDefinition(description = "Highest share of all cores (0 to 1) that other processes may use for jobs to start.")
		double maxLoad() default 0.6;
	}

	private final DoubleSupplier othersLoad;
	private volatile double maxLoad;

	@Activate
	public CpuLoadCondition(Config config) {
		this(config, CpuLoadCondition::measureOthersLoad);
	}

	CpuLoadCondition(Config config, DoubleSupplier othersLoad) {
		this.othersLoad = othersLoad;
		modified(config);
	}

	@Modified
	void modified(Config config) {
		maxLoad = config.maxLoad();
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
		double load = othersLoad.getAsDouble();
		// A negative load means the platform cannot tell: do not hold work back forever.
		return load < 0 || load <= maxLoad;
	}

	/** @return the share of all cores other processes use now, or a negative number when unknown */
	static double measureOthersLoad() {
		MBeanServer server = ManagementFactory.getPlatformMBeanServer();
		try {
			ObjectName system = new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME);
			double machine = ((Number) server.getAttribute(system, "CpuLoad")).doubleValue();
			double process = ((Number) server.getAttribute(system, "ProcessCpuLoad")).doubleValue();
			if (machine >= 0 && process >= 0) {
				return Math.max(0, machine - process);
			}
		} catch (JMException | ClassCastException e) {
			// Not a HotSpot-style bean: fall back to the load average below.
		}
		var bean = ManagementFactory.getOperatingSystemMXBean();
		return bean.getSystemLoadAverage() / bean.getAvailableProcessors();
	}
}
