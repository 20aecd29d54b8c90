package camera.deferred.internal.schedule;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

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

/**
 * Holds unless the battery is low and not charging. Machines without a battery (servers, desktops) always hold.
 */
@Component(name = BatteryCondition.PID, configurationPid = BatteryCondition.PID,
		configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = BatteryCondition.Config.class)
public class BatteryCondition implements Condition {
	public static final String PID = "camera.deferred.condition.battery";

	@ObjectClassDefinition(name = "Deferred processing: battery",
			description = "Holds NORMAL and LOW jobs back while the battery is low and not charging.")
	public @interface Config {
		@AttributeDefinition(description = "Lowest battery charge in percent at which jobs still start on battery power.")
		int minPercent() default 20;

		@AttributeDefinition(description = "A charge in percent to use instead of the battery's; empty reads /sys/class/power_supply.")
		String overridePercent() default "";

		@AttributeDefinition(description = "Whether to take the machine as charging instead of asking it: true, false, or empty to read /sys/class/power_supply.")
		String overrideCharging() default "";

		@AttributeDefinition(description = "The sysfs class directory of the power supplies.")
		String powerSupplyDirectory() default "/sys/class/power_supply";
	}

	/** What the power supplies say: the charge, if there is a battery, and whether it is charging. */
	record PowerState(OptionalInt percent, boolean charging) {
	}

	/** The configuration, each override parsed and checked once, when it is configured. */
	private record Settings(int minPercent, OptionalInt percentOverride, Optional<Boolean> chargingOverride,
			SysfsReader supplies) {
	}

	private final Logger log;
	private volatile Settings settings;

	@Activate
	public BatteryCondition(Config config, @Reference(service = LoggerFactory.class) Logger log) {
		this.log = log;
		modified(config);
	}

	/** An override that is not valid is refused with an error and the previous one (at first: none) is kept. */
	@Modified
	void modified(Config config) {
		Settings previous = settings;
		settings = new Settings(config.minPercent(),
				percentOverride(config.overridePercent(),
						previous == null ? OptionalInt.empty() : previous.percentOverride()),
				chargingOverride(config.overrideCharging(),
						previous == null ? Optional.empty() : previous.chargingOverride()),
				new SysfsReader(Path.of(config.powerSupplyDirectory())));
	}

	private OptionalInt percentOverride(String configured, OptionalInt previous) {
		String value = configured.trim();
		if (value.isEmpty()) {
			return OptionalInt.empty();
		}
		if (value.matches("[0-9]{1,3}") && Integer.parseInt(value) <= 100) {
			return OptionalInt.of(Integer.parseInt(value));
		}
		log.error("battery condition: overridePercent \"{}\" is not a whole number from 0 to 100; it keeps {}", value,
				previous.isEmpty() ? "reading the battery" : "the override " + previous.getAsInt());
		return previous;
	}

	private Optional<Boolean> chargingOverride(String configured, Optional<Boolean> previous) {
		String value = configured.trim();
		if (value.isEmpty()) {
			return Optional.empty();
		}
		if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
			return Optional.of(Boolean.parseBoolean(value));
		}
		log.error("battery condition: overrideCharging \"{}\" is neither true, false nor empty; it keeps {}", value,
				previous.isEmpty() ? "asking the power supplies" : "the override " + previous.get());
		return previous;
	}

	@Override
	public String name() {
		return "battery";
	}

	@Override
	public ConditionScope scope() {
		return ConditionScope.PRESSURE;
	}

	@Override
	public boolean holds() {
		Settings current = settings;
		PowerState measured = readPowerSupplies(current.supplies());
		OptionalInt percent = current.percentOverride().isPresent() ? current.percentOverride() : measured.percent();
		boolean charging = current.chargingOverride().orElse(measured.charging());
		return charging || percent.isEmpty() || percent.getAsInt() >= current.minPercent();
	}

	private PowerState readPowerSupplies(SysfsReader supplies) {
		OptionalInt percent = OptionalInt.empty();
		boolean charging = false;
		try {
			for (Path supply : supplies.devices("")) {
				try {
					Optional<String> type = SysfsReader.attribute(supply, "type");
					if (type.isEmpty()) {
						continue;
					}
					if (type.get().equals("Battery")) {
						Optional<String> capacity = SysfsReader.attribute(supply, "capacity");
						if (capacity.isPresent()) {
							percent = OptionalInt.of(Integer.parseInt(capacity.get()));
						}
						String status = SysfsReader.attribute(supply, "status").orElse("");
						charging |= status.equals("Charging") || status.equals("Full");
					} else {
						charging |= SysfsReader.attribute(supply, "online").orElse("0").equals("1");
					}
				} catch (IOException | NumberFormatException e) {
					log.debug("power supply {} unreadable: {}", supply, e.toString());
				}
			}
		} catch (IOException e) {
			log.debug("power supplies unreadable: {}", e.toString());
		}
		return new PowerState(percent, charging);
	}
}
