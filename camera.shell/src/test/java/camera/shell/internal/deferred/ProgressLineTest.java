package camera.shell.internal.deferred;

import static camera.shell.internal.console.Printed.printed;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressLineTest {

	@Test
	void overwritesALongerLineWithSpacesAndClearsItAtTheEnd() {
		assertThat(printed(out -> {
			ProgressLine line = new ProgressLine(out);
			line.show("draining: 10");
			line.show("draining: 9");
			line.clear();
		})).isEqualTo("\rdraining: 10\rdraining: 9 \r" + " ".repeat(11) + "\r");
	}

	@Test
	void showsNothingWithoutATerminal() {
		assertThat(printed(out -> {
			ProgressLine line = new ProgressLine(null);
			line.show("draining");
			line.clear();
		})).isEmpty();
	}
}
