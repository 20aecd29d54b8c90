package camera.deferred.internal.schedule;

import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Holds while no capture is in progress: phase 2 must never slow the shutter down. */
@Component(name = CaptureIdleCondition.PID, configurationPid = CaptureIdleCondition.PID,
		configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CaptureIdleCondition.Config.class)
public class CaptureIdleCondition implements Condition {
	public static final String PID = "camera.deferred.condition.capture";

	@ObjectClassDefinition(name = "Deferred processing: capture idle",
			description = "Holds NORMAL and LOW jobs back while a capture is in progress.")
	public @interface Config {
		@AttributeDefinition(description = "Whether jobs wait for captures; false lets background work compete with the shutter.")
		boolean enabled() default true;
	}

	/** Counted, not flagged: two sessions may capture at once. */
	private final AtomicInteger capturesInProgress = new AtomicInteger();
	private volatile boolean enabled;

	@Activate
	public CaptureIdleCondition(Config config) {
		modified(config);
	}

	@Modified
	void modified(Config config) {
		enabled = config.enabled();
	}

	@Override
	public String name() {
		return "capture-idle";
	}

	@Override
	public ConditionScope scope() {
		return ConditionScope.CAPTURE;
	}

	@Override
	public boolean holds() {
		return !enabled || capturesInProgress.get() == 0;
	}

	@Override
	public void captureActivity(boolean busy) {
		if (busy) {
			capturesInProgress.incrementAndGet();
		} else {
			capturesInProgress.updateAndGet(count -> Math.max(0, count - 1));
		}
	}
}
