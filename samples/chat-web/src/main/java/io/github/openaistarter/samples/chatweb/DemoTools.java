package io.github.openaistarter.samples.chatweb;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import io.github.openaistarter.tool.OpenAiTool;
import io.github.openaistarter.tool.ToolParam;

import org.springframework.stereotype.Component;

/**
 * Two harmless tools the chat's model may call, as annotated methods of a bean: the
 * starter's auto-configured {@code ChatTools} bean finds them, and {@link ChatController}
 * offers them with every turn. Ask for them by name ("call roll_dice") to watch the calls
 * stream in.
 */
@Component
class DemoTools {

	private static final DateTimeFormatter NOW = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm:ss xxx");

	/**
	 * A kind of die. An enum parameter becomes an {@code enum} in the tool's schema, so
	 * the model picks one of these.
	 */
	enum Die {

		D6(6), D4(4), D8(8), D10(10), D12(12), D20(20);

		private final int sides;

		Die(int sides) {
			this.sides = sides;
		}

	}

	/**
	 * What a roll of dice gave.
	 *
	 * @param die the kind of die
	 * @param seed the seed the rolls came from
	 * @param rolls each die's value
	 * @param total their sum
	 */
	record Roll(Die die, long seed, List<Integer> rolls, int total) {

	}

	@OpenAiTool(name = "current_time",
			description = "The date and time now where the app runs, with its offset" + " from UTC")
	String currentTime() {
		return ZonedDateTime.now().format(NOW);
	}

	@OpenAiTool(name = "roll_dice", description = "Rolls dice; the same seed gives the same rolls")
	Roll rollDice(@ToolParam(description = "The kind of die") Die die,
			@ToolParam(description = "How many dice, 1 to 10") int count,
			@ToolParam(description = "Any whole number; the same seed gives the same rolls") long seed) {
		if (count < 1 || count > 10) {
			throw new IllegalArgumentException("count must be 1 to 10, not " + count);
		}
		Random random = new Random(seed);
		List<Integer> rolls = IntStream.range(0, count).map((i) -> 1 + random.nextInt(die.sides)).boxed().toList();
		return new Roll(die, seed, rolls, rolls.stream().mapToInt(Integer::intValue).sum());
	}

}
