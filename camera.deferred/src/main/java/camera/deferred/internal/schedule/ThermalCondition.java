package camera.deferred.internal.schedule;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalDouble;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Holds while the hottest thermal zone is below a limit; machines without thermal zones always hold. */
@Component(name = ThermalCondition.PID, configurationPid = ThermalCondition.PID,
		configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ThermalCondition.Config.class)
public class ThermalCondition implements Condition {
	public static final String PID = "camera.deferred.condition.thermal";

	@ObjectClassDefinition(name = "Deferred processing: thermal level",
			description = "Holds NORMAL and LOW jobs back while the machine is hot.")
	public @interface Config {
		@AttributeDefinition(description = "Highest temperature in degrees Celsius at which jobs still start.")
		double maxCelsius() default 80;

		@AttributeDefinition(description = "A temperature in degrees Celsius to use instead of the sensors; empty reads /sys/class/thermal.")
		String overrideCelsius() default "";

		@AttributeDefinition(description = "The sysfs class directory of the thermal zones.")
		String thermalDirectory() default "/sys/class/thermal";
	}

	@Reference(service = LoggerFactory.class)
	private Logger log;

	private volatile double maxCelsius;
	private volatile OptionalDouble overrideCelsius;
	private volatile SysfsReader zones;

	@Activate
	public ThermalCondition(Config config) {
		modified(config);
	}

	@Modified
	void modified(Config config) {
		maxCelsius = config.maxCelsius();
		String override = config.overrideCelsius().trim();
		overrideCelsius = override.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(override));
		zones = new SysfsReader(Path.of(config.thermalDirectory()));
	}

	@Override
	public String name() {
		return "thermal";
	}

	@Override
	public ConditionScope scope() {
		return ConditionScope.PRESSURE;
	}

	@Override
	public boolean holds() {
		OptionalDouble celsius = overrideCelsius;
		if (celsius.isEmpty()) {
			celsius = hottestZone();
		}
		return celsius.isEmpty() || celsius.getAsDouble() <= maxCelsius;
	}

	/** @return the highest temperature any zone reports, if any does */
	OptionalDouble hottestZone() {
		OptionalDouble hottest = OptionalDouble.empty();
		try {
			for (Path zone : zones.devices("thermal_zone")) {
				try {
					var temp = SysfsReader.attribute(zone, "temp");
					if (temp.isPresent()) {
						double celsius = Long.parseLong(temp.get()) / 1000.0;
						if (hottest.isEmpty() || celsius > hottest.getAsDouble()) {
							hottest = OptionalDouble.of(celsius);
						}
					}
				} catch (IOException | NumberFormatException e) {
					// Some zones fail to read while their sensor sleeps; the others still tell the heat.
					logDebug("thermal zone {} unreadable: {}", zone, e.toString());
				}
			}
		} catch (IOException e) {
			logDebug("thermal zones unreadable: {}", e.toString(), null);
		}
		return hottest;
	}

	private void logDebug(String format, Object first, Object second) {
		Logger logger = log;
		if (logger != null) {
			logger.debug(format, first, second);
		}
	}
}
