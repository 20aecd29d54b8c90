package camera.shell.internal.console;

import static camera.shell.internal.console.Printed.printed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import camera.shell.internal.console.Table.Column;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TableTest {

	private static Table cameras() {
		return Table.of(Column.left("ID"), Column.right("PHOTOS"), Column.left("NAME"))
			.row("sim-back", 12, "Simulated back camera")
			.row("v4l2-0", 3, "USB");
	}

	@Nested
	class Formatted {

		@Test
		void alignsEveryColumnUnderItsHeaderWithARuleBetween() {
			assertThat(printed(out -> cameras().print(out, "none"))).isEqualTo("""
					ID       | PHOTOS | NAME
					---------+--------+----------------------
					sim-back |     12 | Simulated back camera
					v4l2-0   |      3 | USB
					""");
		}

		@Test
		void printsOneLineInsteadOfAnEmptyTable() {
			Table empty = Table.of(Column.left("ID"));
			assertThat(printed(out -> empty.print(out, false, "no cameras"))).isEqualTo("no cameras\n");
		}

		@Test
		void replacesControlCharactersSoThatARowStaysOneLine() {
			Table table = Table.of(Column.left("NAME")).row("two\nlines\tand a tab");
			assertThat(printed(out -> table.print(out, "none"))).endsWith("two lines and a tab\n");
		}
	}

	@Nested
	class Unformatted {

		@Test
		void printsTabSeparatedRowsWithoutHeader() {
			assertThat(printed(out -> cameras().print(out, true, "none")))
				.isEqualTo("sim-back\t12\tSimulated back camera\nv4l2-0\t3\tUSB\n");
		}

		@Test
		void printsNothingForNoRows() {
			assertThat(printed(out -> Table.of(Column.left("ID")).print(out, true, "none"))).isEmpty();
		}
	}

	@Test
	void refusesARowWithTheWrongNumberOfCells() {
		assertThatThrownBy(() -> Table.of(Column.left("A"), Column.left("B")).row("only one"))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
