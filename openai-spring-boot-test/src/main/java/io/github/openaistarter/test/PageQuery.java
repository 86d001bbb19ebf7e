package io.github.openaistarter.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The paging of a list: {@code after} (an id), {@code limit} (default 20) and
 * {@code order} ({@code asc}, the default, or {@code desc} by creation). Answers OpenAI's
 * list object: {@code object}, {@code data}, {@code first_id}, {@code last_id}
 * ({@code null} on an empty page) and {@code has_more}. An unknown {@code after} gives an
 * empty page.
 *
 * @param after the id after which the page starts, or {@code null}
 * @param limit the page size
 * @param descending whether the newest come first
 */
record PageQuery(@Nullable String after, int limit, boolean descending) {

	static final int DEFAULT_LIMIT = 20;

	/**
	 * Reads the paging parameters of a request.
	 * @param request the request
	 * @return the paging
	 * @throws ApiError if {@code limit} or {@code order} is invalid
	 */
	static PageQuery of(RecordedRequest request) {
		String limit = request.queryParameter("limit");
		String order = request.queryParameter("order");
		int size = DEFAULT_LIMIT;
		if (limit != null) {
			try {
				size = Integer.parseInt(limit);
			}
			catch (NumberFormatException ex) {
				size = 0;
			}
			if (size < 1) {
				throw ApiError.badRequest(
						"Invalid 'limit': expected an integer of at least 1, but got '" + limit + "' instead.", "limit",
						"invalid_value");
			}
		}
		if (order != null && !order.equals("asc") && !order.equals("desc")) {
			throw ApiError.badRequest("Invalid value: '" + order + "'. Supported values are: 'asc' and 'desc'.",
					"order", "invalid_value");
		}
		return new PageQuery(request.queryParameter("after"), size, "desc".equals(order));
	}

	/**
	 * Pages items kept in creation order.
	 * @param <T> the item type
	 * @param items the items, oldest first
	 * @param idOf the id of an item
	 * @param toJson the JSON of an item
	 * @return the list object
	 */
	<T> ObjectNode page(List<T> items, Function<T, String> idOf, Function<T, JsonNode> toJson) {
		List<T> ordered = new ArrayList<>(items);
		if (this.descending) {
			Collections.reverse(ordered);
		}
		int start = 0;
		if (this.after != null) {
			start = ordered.size();
			for (int i = 0; i < ordered.size(); i++) {
				if (idOf.apply(ordered.get(i)).equals(this.after)) {
					start = i + 1;
					break;
				}
			}
		}
		List<T> data = ordered.subList(start, Math.min(ordered.size(), start + this.limit));
		ObjectNode page = Json.object();
		page.put("object", "list");
		ArrayNode array = page.putArray("data");
		data.forEach((item) -> array.add(toJson.apply(item)));
		page.put("first_id", data.isEmpty() ? null : idOf.apply(data.get(0)));
		page.put("last_id", data.isEmpty() ? null : idOf.apply(data.get(data.size() - 1)));
		page.put("has_more", start + data.size() < ordered.size());
		return page;
	}

}
