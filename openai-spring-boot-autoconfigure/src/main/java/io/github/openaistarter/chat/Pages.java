package io.github.openaistarter.chat;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.openaistarter.chat.model.Page;
import io.github.openaistarter.core.OpenAiCallObserver.CallObservation;

/**
 * Walks paged lists: fetch a page, hand out its items, fetch the next page with
 * {@code after = last_id} only when those are consumed, and stop when a page says
 * {@code has_more: false} (no extra empty request).
 */
final class Pages {

	private Pages() {
	}

	/**
	 * The cursor of the page after this one.
	 * @return the {@code after} value, or {@code null} when this is the last page (also
	 * when the server says there is more but gives no new cursor, which would otherwise
	 * loop forever)
	 */
	static @Nullable String nextAfter(Page<?> page, @Nullable String after) {
		String lastId = page.lastId();
		return (page.hasMore() && lastId != null && !page.data().isEmpty() && !lastId.equals(after)) ? lastId : null;
	}

	static <T> Flux<T> walk(Function<@Nullable String, Mono<Page<T>>> fetch, @Nullable String after) {
		return fetch.apply(after).flatMapMany((page) -> {
			Flux<T> items = Flux.fromIterable(page.data());
			String next = nextAfter(page, after);
			return (next != null) ? items.concatWith(Flux.defer(() -> walk(fetch, next))) : items;
		});
	}

	/**
	 * A lazy stream over the pages, observed as one operation: it succeeds when the last
	 * page is consumed, fails with a page's failure, and is cancelled when the stream is
	 * closed before its end.
	 */
	static <T> Stream<T> walkBlocking(Function<@Nullable String, Page<T>> fetch, @Nullable String after,
			CallObservation observation) {
		AtomicBoolean ended = new AtomicBoolean();
		Iterator<T> items = new Iterator<>() {

			private @Nullable Iterator<T> current;

			private @Nullable String cursor = after;

			private boolean last;

			@Override
			public boolean hasNext() {
				while (this.current == null || !this.current.hasNext()) {
					if (this.last) {
						if (ended.compareAndSet(false, true)) {
							observation.success();
						}
						return false;
					}
					Page<T> page = fetch(this.cursor);
					String next = nextAfter(page, this.cursor);
					this.last = (next == null);
					this.cursor = next;
					this.current = page.data().iterator();
				}
				return true;
			}

			private Page<T> fetch(@Nullable String cursor) {
				try {
					return fetch.apply(cursor);
				}
				catch (RuntimeException ex) {
					if (ended.compareAndSet(false, true)) {
						observation.error(ex);
					}
					throw ex;
				}
			}

			@Override
			public T next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				T item = Objects.requireNonNull(this.current).next();
				observation.item(item);
				return item;
			}

		};
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED), false)
			.onClose(() -> {
				if (ended.compareAndSet(false, true)) {
					observation.cancel();
				}
			});
	}

}
