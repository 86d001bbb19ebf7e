package io.github.openaistarter.core;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * What the timeout operators ({@link ResponseTimeout}, {@link IdleTimeout}) share: the
 * subscriber they pass signals to, and the upstream's subscription, which demand goes to
 * and which a timeout cancels.
 *
 * @param <T> the item type
 */
abstract class TimeoutSubscriber<T> implements CoreSubscriber<T>, Subscription {

	final CoreSubscriber<? super T> actual;

	private @Nullable Subscription upstream;

	TimeoutSubscriber(CoreSubscriber<? super T> actual) {
		this.actual = actual;
	}

	/**
	 * Takes the upstream's subscription.
	 * @param subscription the subscription
	 * @return {@code false} when one came already (the new one is cancelled)
	 */
	final boolean subscribed(Subscription subscription) {
		if (Operators.validate(this.upstream, subscription)) {
			this.upstream = subscription;
			return true;
		}
		return false;
	}

	@Override
	public final void request(long n) {
		Subscription subscription = this.upstream;
		if (subscription != null) {
			subscription.request(n);
		}
	}

	/** Cancels the upstream: on a timeout, or when the subscriber cancels. */
	final void cancelUpstream() {
		Subscription subscription = this.upstream;
		if (subscription != null) {
			subscription.cancel();
		}
	}

	@Override
	public final Context currentContext() {
		return this.actual.currentContext();
	}

}
