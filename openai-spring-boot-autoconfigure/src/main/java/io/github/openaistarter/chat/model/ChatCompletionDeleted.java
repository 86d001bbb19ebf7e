package io.github.openaistarter.chat.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The result of deleting a stored completion.
 *
 * @param object always {@code chat.completion.deleted}
 * @param id the id of the completion
 * @param deleted whether it was deleted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatCompletionDeleted(@JsonProperty("object") @Nullable String object, @JsonProperty("id") String id,
		@JsonProperty("deleted") boolean deleted) {

}
