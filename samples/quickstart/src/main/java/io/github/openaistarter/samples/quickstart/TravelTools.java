package io.github.openaistarter.samples.quickstart;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import io.github.openaistarter.tool.OpenAiTool;
import io.github.openaistarter.tool.ToolParam;

import org.springframework.stereotype.Component;

/**
 * Two tools the model may call, as annotated methods of a bean: the auto-configured
 * {@code ChatTools} bean finds them, so using them is one line ({@link ToolsStory}). The
 * weather is canned and the time comes from this machine's clock: no network.
 */
@Component
class TravelTools {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	/**
	 * The cities the tools know. An enum parameter becomes an {@code enum} in the tool's
	 * schema, so the model can only name one of these.
	 */
	enum City {

		LISBON("Lisbon", "Europe/Lisbon", new Weather("Lisbon", 19, "sunny")),

		OSLO("Oslo", "Europe/Oslo", new Weather("Oslo", 4, "light snow")),

		TOKYO("Tokyo", "Asia/Tokyo", new Weather("Tokyo", 12, "light rain"));

		private final String label;

		private final ZoneId zone;

		private final Weather weather;

		City(String label, String zone, Weather weather) {
			this.label = label;
			this.zone = ZoneId.of(zone);
			this.weather = weather;
		}

	}

	/**
	 * The weather in a city, sent back to the model as JSON.
	 *
	 * @param city the city
	 * @param celsius the temperature
	 * @param sky what the sky looks like
	 */
	record Weather(String city, int celsius, String sky) {

	}

	@OpenAiTool(name = "current_weather", description = "The current weather in a city")
	Weather currentWeather(@ToolParam(description = "The city") City city) {
		return city.weather;
	}

	@OpenAiTool(name = "local_time", description = "The local time in a city, on a 24-hour clock")
	String localTime(@ToolParam(description = "The city") City city) {
		return ZonedDateTime.now(city.zone).format(TIME) + " in " + city.label + " (" + city.zone + ")";
	}

}
