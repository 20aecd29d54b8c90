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

	@Reference(service = LoggerFactory.class)
	private Logger log;

	private volatile Config config;
	private volatile SysfsReader supplies;

	@Activate
	public BatteryCondition(Config config) {
		modified(config);
	}

	@Modified
	void modified(Config config) {
		this.config = config;
		supplies = new SysfsReader(Path.of(config.powerSupplyDirectory()));
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
		Config current = config;
		PowerState measured = readPowerSupplies();
		String percentOverride = current.overridePercent().trim();
		String chargingOverride = current.overrideCharging().trim();
		OptionalInt percent = percentOverride.isEmpty() ? measured.percent()
				: OptionalInt.of(Integer.parseInt(percentOverride));
		boolean charging = chargingOverride.isEmpty() ? measured.charging() : Boolean.parseBoolean(chargingOverride);
		return charging || percent.isEmpty() || percent.getAsInt() >= current.minPercent();
	}

	PowerState readPowerSupplies() {
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
					logDebug("power supply {} unreadable: {}", supply, e.toString());
				}
			}
		} catch (IOException e) {
			logDebug("power supplies unreadable: {}", e.toString(), null);
		}
		return new PowerState(percent, charging);
	}

	private void logDebug(String format, Object first, Object second) {
		Logger logger = log;
		if (logger != null) {
			logger.debug(format, first, second);
		}
	}
}
