package io.github.openaistarter.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.structured.StreamedElements;
import io.github.openaistarter.core.OpenAiJson;
import io.github.openaistarter.schema.PartialJson;

/**
 * The incremental readers of a streamed structured answer, fed a list answer of 200 or 2,000 items in chunks
 * of 5 characters (decoded beforehand: only the structured reading is measured). One op reads the whole answer;
 * the report divides by {@link #chunks(int)}. A reader linear in the answer's length costs the same per chunk
 * at both lengths.
 * <ul>
 * <li>{@code elements}: {@link StreamedElements}, handing out each item as it closes (what {@code streamList}
 * does);</li>
 * <li>{@code partial-json}: {@link PartialJson} keeping track of what a snapshot would close (what
 * {@code streamPartial} does before it reads a snapshot).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StreamedAnswerBenchmark {

	/** Characters per content chunk, as OpenAI's tokens of JSON go. */
	static final int CHUNK_CHARACTERS = 5;

	@Param({ "200", "2000" })
	public int items;

	@Param({ "elements", "partial-json" })
	public String reader;

	private List<ChatCompletionChunk> chunks;

	@Setup(Level.Trial)
	public void decode() {
		JsonMapper json = OpenAiJson.createMapper();
		this.chunks = new ArrayList<>();
		for (String piece : pieces(PackingList.listJson(this.items))) {
			this.chunks.add(json.readValue("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,"
					+ "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
					+ json.writeValueAsString(piece) + "},\"finish_reason\":null}]}", ChatCompletionChunk.class));
		}
		if (read() != this.items) {
			throw new IllegalStateException("The reader missed items");
		}
	}

	@Benchmark
	public int read() {
		if (this.reader.equals("elements")) {
			StreamedElements<PackingList.Item> elements = StreamedElements.of(PackingList.Item.class);
			int count = 0;
			for (ChatCompletionChunk chunk : this.chunks) {
				count += elements.add(chunk).size();
			}
			return count;
		}
		PartialJson json = new PartialJson();
		for (ChatCompletionChunk chunk : this.chunks) {
			json.add(chunk.text());
		}
		return json.isComplete() ? this.items : -1;
	}

	/**
	 * The number of chunks an answer of some items streams in.
	 * @param items the items
	 * @return the chunks
	 */
	static int chunks(int items) {
		return pieces(PackingList.listJson(items)).size();
	}

	private static List<String> pieces(String text) {
		List<String> pieces = new ArrayList<>();
		for (int i = 0; i < text.length(); i += CHUNK_CHARACTERS) {
			pieces.add(text.substring(i, Math.min(text.length(), i + CHUNK_CHARACTERS)));
		}
		return pieces;
	}

}
