package io.github.openaistarter.chat.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list: stored completions, or the messages of one. Ask for the next page
 * with {@code after(page.lastId())} while {@link #hasMore()}, or let the {@code listAll}
 * operations walk the pages for you.
 *
 * @param <T> the item type
 * @param object always {@code list}
 * @param data the items of this page
 * @param firstId the id of the first item, {@code null} on an empty page
 * @param lastId the id of the last item, {@code null} on an empty page
 * @param hasMore whether more items follow this page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(@JsonProperty("object") @Nullable String object, @JsonProperty("data") List<T> data,
		@JsonProperty("first_id") @Nullable String firstId, @JsonProperty("last_id") @Nullable String lastId,
		@JsonProperty("has_more") boolean hasMore) {

	/**
	 * Creates a page.
	 * @param object the object type
	 * @param data the items
	 * @param firstId the first id
	 * @param lastId the last id
	 * @param hasMore whether more follow
	 */
	public Page {
		data = Immutables.list(data);
	}

}
