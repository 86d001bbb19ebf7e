package io.github.openaistarter.chat.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Web search settings ({@code web_search_options}), for the search models.
 *
 * @param userLocation the user's approximate location, or {@code null}
 * @param searchContextSize how much context to retrieve: {@code low}, {@code medium} or
 * {@code high}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebSearchOptions(@JsonProperty("user_location") @Nullable UserLocation userLocation,
		@JsonProperty("search_context_size") @Nullable String searchContextSize) {

	/**
	 * The user's approximate location.
	 *
	 * @param type always {@code approximate}
	 * @param approximate the location
	 */
	public record UserLocation(@JsonProperty("type") String type,
			@JsonProperty("approximate") ApproximateLocation approximate) {

		/**
		 * An approximate location.
		 * @param location the location
		 * @return the user location
		 */
		public static UserLocation approximate(ApproximateLocation location) {
			return new UserLocation("approximate", location);
		}

	}

	/**
	 * A location given by free text fields.
	 *
	 * @param country the ISO 3166-1 two-letter country code, or {@code null}
	 * @param region the region, or {@code null}
	 * @param city the city, or {@code null}
	 * @param timezone the IANA time zone, or {@code null}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ApproximateLocation(@JsonProperty("country") @Nullable String country,
			@JsonProperty("region") @Nullable String region, @JsonProperty("city") @Nullable String city,
			@JsonProperty("timezone") @Nullable String timezone) {

	}

}
