package io.github.openaistarter.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One colour per client across every chart of a run, so a client is the same colour in the bars and in the lines.
 * A client whose id ends in {@code -tuned} takes the colour of the client it tunes and is drawn dashed; clients
 * beyond the palette's colours take them again with another marker.
 */
final class ChartPalette {

	/** Tableau's ten colours, then two more: distinct on white and for most colour-blind readers. */
	private static final List<Color> COLORS = List.of(new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759),
			new Color(0x76B7B2), new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
			new Color(0x9C755F), new Color(0xBAB0AC), new Color(0x17BECF), new Color(0x393B79));

	private static final List<Marker> MARKERS = List.of(SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE,
			SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP);

	private static final String TUNED = "-tuned";

	/** Each client family's place, in the order the clients were first seen. */
	private final Map<String, Integer> families = new LinkedHashMap<>();

	/**
	 * Gives the clients their colours, in this order.
	 * @param clients the ids of every client of the charts, repeats allowed
	 */
	ChartPalette(List<String> clients) {
		for (String client : clients) {
			this.families.putIfAbsent(family(client), this.families.size());
		}
	}

	/**
	 * The client's colour.
	 * @param client the client's id
	 * @return its colour, grey for a client not given to the palette
	 */
	Color color(String client) {
		Integer place = this.families.get(family(client));
		return (place != null) ? COLORS.get(place % COLORS.size()) : Color.GRAY;
	}

	/**
	 * The client's marker on lines.
	 * @param client the client's id
	 * @return a marker, another one each time the colours come round again
	 */
	Marker marker(String client) {
		Integer place = this.families.get(family(client));
		return MARKERS.get((place != null) ? (place / COLORS.size()) % MARKERS.size() : 0);
	}

	/**
	 * The client's line: dashed for a tuned client, solid otherwise.
	 * @param client the client's id
	 * @return the stroke
	 */
	BasicStroke line(String client) {
		return client.endsWith(TUNED) ? SeriesLines.DASH_DASH : SeriesLines.SOLID;
	}

	private static String family(String client) {
		return client.endsWith(TUNED) ? client.substring(0, client.length() - TUNED.length()) : client;
	}

}
