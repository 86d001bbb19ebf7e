package io.github.openaistarter.chat.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * An image content part: {@code {"type": "image_url", "image_url": {"url": ..., "detail":
 * ...}}}.
 *
 * @param imageUrl the image
 * @param promptCacheBreakpoint marks the end of a prefix to cache, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImagePart(@JsonProperty("image_url") ImageUrl imageUrl,
		@JsonProperty("prompt_cache_breakpoint") @Nullable PromptCacheBreakpoint promptCacheBreakpoint)
		implements
			ContentPart {

	static final String TYPE = "image_url";

	/**
	 * Creates an image part.
	 * @param imageUrl the image
	 * @param promptCacheBreakpoint the cache breakpoint, or {@code null}
	 */
	public ImagePart {
		Assert.notNull(imageUrl, "imageUrl must not be null");
	}

	@Override
	public String type() {
		return TYPE;
	}

	/**
	 * Where the image is and how closely to look at it.
	 *
	 * @param url an image URL or a {@code data:image/...;base64,...} URL
	 * @param detail {@code auto} (default), {@code low} or {@code high}; {@code null} for
	 * the default
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ImageUrl(@JsonProperty("url") String url, @JsonProperty("detail") @Nullable String detail) {

		/**
		 * Creates an image reference.
		 * @param url the URL
		 * @param detail the detail level, or {@code null}
		 */
		public ImageUrl {
			Assert.hasText(url, "url must not be empty");
		}

	}

}
