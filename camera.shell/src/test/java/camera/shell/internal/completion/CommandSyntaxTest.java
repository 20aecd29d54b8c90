package camera.shell.internal.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import camera.shell.internal.camera.CameraCommands;
import camera.shell.internal.deferred.DeferredCommands;
import camera.shell.internal.media.MediaCommands;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CommandSyntaxTest {
	private static final List<CommandSyntax> COMMANDS = Stream
		.of(CommandSyntax.of("camera", CameraCommands.class, List.of("list", "profiles", "capture", "request")),
				CommandSyntax.of("media", MediaCommands.class,
						List.of("list", "info", "trash", "restore", "delete", "export")),
				CommandSyntax.of("deferred", DeferredCommands.class,
						List.of("jobs", "stats", "drain", "pause", "resume")))
		.flatMap(List::stream)
		.toList();

	private static CommandSyntax command(String name) {
		return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
	}

	/** The values for the last word of a line typed up to the Tab key. */
	private static Optional<CompletionValues> valuesAtEndOf(String typed) {
		List<String> words = new ArrayList<>(Arrays.asList(typed.split(" ", -1)));
		return command(words.getFirst()).valuesAt(words, words.size() - 1);
	}

	@Nested
	class ReadFromTheCommands {

		@Test
		void aUsageOverloadDoesNotHideTheCommandsArguments() {
			assertThat(command("camera:profiles").operands()).extracting(OperandSyntax::values)
				.containsExactly(CompletionValues.CAMERA_IDS);
			assertThat(command("camera:profiles").option("--no-format")).isPresent();
		}

		@Test
		void captureHasEveryOptionWithBothSpellingsAndItsValues() {
			assertThat(command("camera:capture").options()).extracting(OptionSyntax::names, OptionSyntax::values)
				.containsExactly(tuple(List.of("-c", "--camera"), CompletionValues.CAMERA_IDS),
						tuple(List.of("-n", "--count"), null),
						tuple(List.of("-m", "--mode"), CompletionValues.CAPTURE_MODES),
						tuple(List.of("-q", "--quality"), CompletionValues.QUALITY_LEVELS),
						tuple(List.of("-s", "--size"), CompletionValues.PHOTO_SIZES),
						tuple(List.of("-r", "--rotation"), CompletionValues.ROTATIONS),
						tuple(List.of("--raw"), null));
		}

		@Test
		void flagsTakeNoValue() {
			assertThat(command("media:list").option("--trashed")).get().extracting(OptionSyntax::takesValue)
				.isEqualTo(false);
			assertThat(command("media:export").option("--raw")).get().extracting(OptionSyntax::takesValue)
				.isEqualTo(false);
		}

		@Test
		void theSessionParameterIsNoOperand() {
			assertThat(command("media:export").operands()).extracting(OperandSyntax::values)
				.containsExactly(CompletionValues.ASSET_URIS, null);
		}

		@Test
		void onlyTheseValuesAreFreeTextSoANewParameterMustChooseItsCompletion() {
			List<String> free = new ArrayList<>();
			for (CommandSyntax command : COMMANDS) {
				command.options()
					.stream()
					.filter(o -> o.takesValue() && o.values() == null)
					.forEach(o -> free.add(command.name() + " " + o.names().getFirst()));
				for (int i = 0; i < command.operands().size(); i++) {
					if (command.operands().get(i).values() == null) {
						free.add(command.name() + " operand " + (i + 1));
					}
				}
			}
			assertThat(free).containsExactlyInAnyOrder("camera:capture -n", "camera:request -o",
					"media:export operand 2", "deferred:drain -t");
		}
	}

	@Nested
	class ValuesAtTheCursor {

		@Test
		void theValueOfAnOptionComesFromThatOption() {
			assertThat(valuesAtEndOf("camera:capture -c ")).contains(CompletionValues.CAMERA_IDS);
			assertThat(valuesAtEndOf("camera:capture --mode s")).contains(CompletionValues.CAPTURE_MODES);
		}

		@Test
		void optionsAndTheirValuesBeforeTheCursorAreSkipped() {
			assertThat(valuesAtEndOf("camera:capture -n 3 -q low -m ")).contains(CompletionValues.CAPTURE_MODES);
			assertThat(valuesAtEndOf("camera:request -m high ")).contains(CompletionValues.ASSET_URIS);
		}

		@Test
		void aFlagIsFollowedByTheNextOperand() {
			assertThat(valuesAtEndOf("camera:profiles --no-format ")).contains(CompletionValues.CAMERA_IDS);
		}

		@Test
		void theSecondOperandHasItsOwnValues() {
			assertThat(valuesAtEndOf("media:export file://media/Photo/1/a.jpg ")).isEmpty();
			assertThat(valuesAtEndOf("media:restore ")).contains(CompletionValues.TRASHED_ASSET_URIS);
		}

		@Test
		void aWordStartingWithADashIsAnOptionNameNotAValue() {
			assertThat(valuesAtEndOf("camera:profiles -")).isEmpty();
		}

		@Test
		void freeTextAndSurplusWordsGetNothing() {
			assertThat(valuesAtEndOf("camera:capture -n ")).isEmpty();
			assertThat(valuesAtEndOf("camera:capture ")).isEmpty();
		}
	}

	@Nested
	class FixedValues {

		@Test
		void modesQualitiesAndRotationsAreSpelledAsTheCommandsAcceptThem() {
			assertThat(CompletionValues.CAPTURE_MODES.fixed()).containsExactly("deferred", "single", "proxy");
			assertThat(CompletionValues.QUALITY_LEVELS.fixed()).containsExactly("high", "medium", "low");
			assertThat(CompletionValues.REQUEST_MODES.fixed()).containsExactly("fast", "high", "balanced");
			assertThat(CompletionValues.MEDIA_QUALITIES.fixed()).containsExactly("fast", "full");
			assertThat(CompletionValues.ROTATIONS.fixed()).containsExactly("0", "90", "180", "270");
		}
	}
}
