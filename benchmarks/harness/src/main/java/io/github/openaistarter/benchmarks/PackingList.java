package io.github.openaistarter.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The structured answer of the structured-output benchmarks: a record with an enum and a list of records, and
 * its JSON as the model would write it.
 *
 * @param summary a sentence
 * @param season the season packed for
 * @param items what to pack
 */
public record PackingList(String summary, Season season, List<Item> items) {

	/** The season. */
	public enum Season {

		/** Spring. */
		SPRING,
		/** Summer. */
		SUMMER

	}

	/**
	 * One thing to pack.
	 * @param name the thing
	 * @param category clothing, kit or food
	 * @param quantity how many
	 * @param essential whether it is a must
	 * @param note a remark, or {@code null}
	 */
	public record Item(String name, String category, int quantity, boolean essential, @Nullable String note) {
	}

	/**
	 * The JSON of one item, as the model writes it.
	 * @param i the item's number
	 * @return the JSON object
	 */
	static String itemJson(int i) {
		return "{\"name\":\"Item " + i + " \\\"merino\\\" socks\",\"category\":\"" + ((i % 3 == 0) ? "kit" : "clothing")
				+ "\",\"quantity\":" + (1 + i % 4) + ",\"essential\":" + (i % 2 == 0) + ",\"note\":"
				+ ((i % 5 == 0) ? "null" : "\"broken in, 154 km \u20ac\"") + "}";
	}

	/**
	 * The JSON of a packing list with some items (1.3 KB for 12).
	 * @param items the number of items
	 * @return the JSON object
	 */
	static String json(int items) {
		List<String> all = new ArrayList<>();
		for (int i = 0; i < items; i++) {
			all.add(itemJson(i));
		}
		return "{\"summary\":\"Pack for four seasons in a day on the West Highland Way.\",\"season\":\"SUMMER\","
				+ "\"items\":[" + String.join(",", all) + "]}";
	}

	/**
	 * The JSON of a list answer ({@code StructuredOutput.listOf(Item.class)}) with some items.
	 * @param items the number of items
	 * @return the JSON object, {@code {"items":[...]}}
	 */
	static String listJson(int items) {
		List<String> all = new ArrayList<>();
		for (int i = 0; i < items; i++) {
			all.add(itemJson(i));
		}
		return "{\"items\":[" + String.join(",", all) + "]}";
	}

}
