package io.github.openaistarter.benchmarks;

/**
 * Moves what a client set up (an application context, a pool, caches) to the old generation before it is measured,
 * as in a service that has run for a while. Otherwise a measure of a few seconds copies it in every young
 * collection until it has aged there, which charges a client with an application context (this starter, Spring AI)
 * for its start rather than its calls: with 1,000 calls in flight, about 10 MB more copied per collection and four
 * times the GC time of the floor, which has none.
 */
final class OldGeneration {

	private OldGeneration() {
	}

	/** A full collection, which leaves every live object in the old generation (G1). */
	static void promoteWhatIsSetUp() {
		System.gc();
	}

}
