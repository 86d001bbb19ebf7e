package io.github.openaistarter.chat.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A file content part: {@code {"type": "file", "file": {"file_id": ...}}} or with inline
 * data.
 *
 * @param file the file
 * @param promptCacheBreakpoint marks the end of a prefix to cache, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilePart(@JsonProperty("file") FileInput file,
		@JsonProperty("prompt_cache_breakpoint") @Nullable PromptCacheBreakpoint promptCacheBreakpoint)
		implements
			ContentPart {

	static final String TYPE = "file";

	/**
	 * Creates a file part.
	 * @param file the file
	 * @param promptCacheBreakpoint the cache breakpoint, or {@code null}
	 */
	public FilePart {
		Assert.notNull(file, "file must not be null");
	}

	@Override
	public String type() {
		return TYPE;
	}

	/**
	 * A file, by id or inline.
	 *
	 * @param filename the file name, for inline data
	 * @param fileData the base64-encoded content, for inline data
	 * @param fileId the id of an uploaded file
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record FileInput(@JsonProperty("filename") @Nullable String filename,
			@JsonProperty("file_data") @Nullable String fileData, @JsonProperty("file_id") @Nullable String fileId) {

	}

}
