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

	/** The configuration, the override parsed and checked once, when it is configured. */
	private record Settings(double maxCelsius, OptionalDouble overrideCelsius, SysfsReader zones) {
	}

	private final Logger log;
	private volatile Settings settings;

	@Activate
	public ThermalCondition(Config config, @Reference(service = LoggerFactory.class) Logger log) {
		this.log = log;
		modified(config);
	}

	/** An override that is not valid is refused with an error and the previous one (at first: none) is kept. */
	@Modified
	void modified(Config config) {
		Settings previous = settings;
		settings = new Settings(config.maxCelsius(),
				overrideCelsius(config.overrideCelsius(),
						previous == null ? OptionalDouble.empty() : previous.overrideCelsius()),
				new SysfsReader(Path.of(config.thermalDirectory())));
	}

	private OptionalDouble overrideCelsius(String configured, OptionalDouble previous) {
		String value = configured.trim();
		if (value.isEmpty()) {
			return OptionalDouble.empty();
		}
		if (value.matches("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)")) {
			return OptionalDouble.of(Double.parseDouble(value));
		}
		log.error("thermal condition: overrideCelsius \"{}\" is not a temperature in degrees Celsius; it keeps {}",
				value, previous.isEmpty() ? "reading the thermal zones" : "the override " + previous.getAsDouble());
		return previous;
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
		Settings current = settings;
		OptionalDouble celsius = current.overrideCelsius();
		if (celsius.isEmpty()) {
			celsius = hottestZone(current.zones());
		}
		return celsius.isEmpty() || celsius.getAsDouble() <= current.maxCelsius();
	}

	/** @return the highest temperature any zone reports, if any does */
	private OptionalDouble hottestZone(SysfsReader zones) {
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
					log.debug("thermal zone {} unreadable: {}", zone, e.toString());
				}
			}
		} catch (IOException e) {
			log.debug("thermal zones unreadable: {}", e.toString());
		}
		return hottest;
	}
}
