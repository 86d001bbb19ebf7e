package io.github.openaistarter.chat.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Read-only copies for the models: {@code null} becomes empty, and {@code null} elements
 * from JSON are tolerated (unlike {@link List#copyOf}).
 */
final class Immutables {

	private Immutables() {
	}

	static <T> List<T> list(@Nullable List<? extends T> list) {
		return (list == null || list.isEmpty()) ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
	}

	static <K, V> Map<K, V> map(@Nullable Map<? extends K, ? extends V> map) {
		return (map == null || map.isEmpty()) ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

	static <T> @Nullable List<T> listOrNull(@Nullable List<? extends T> list) {
		return (list != null) ? list(list) : null;
	}

	static <K, V> @Nullable Map<K, V> mapOrNull(@Nullable Map<? extends K, ? extends V> map) {
		return (map != null) ? map(map) : null;
	}

}
