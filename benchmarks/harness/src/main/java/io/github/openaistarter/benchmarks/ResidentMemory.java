package io.github.openaistarter.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.ObjectName;

/**
 * The process's resident memory outside the Java heap (thread stacks, direct buffers, metaspace, code), on Linux:
 * the resident size of every mapping in {@code /proc/self/smaps} but those inside the heap's address range, which
 * {@code GC.heap_info} tells. Used heap is measured apart; this leaves out the heap pages the JVM touched.
 */
final class ResidentMemory {

	/** A mapping's first line: {@code 80000000-ffe00000 rw-p 00000000 00:00 0}. */
	private static final Pattern MAPPING = Pattern.compile("([0-9a-f]+)-[0-9a-f]+ ");

	private static final Pattern HEAP_RANGE = Pattern.compile("\\[0x([0-9a-f]+), 0x([0-9a-f]+)\\)");

	private ResidentMemory() {
	}

	/**
	 * The resident bytes outside the heap.
	 * @return the bytes, or -1 where there is no {@code /proc/self/smaps} or no heap range
	 */
	static long outsideHeap() {
		long[] heap = heapRange();
		Path smaps = Path.of("/proc/self/smaps");
		if (heap == null || !Files.isReadable(smaps)) {
			return -1;
		}
		long resident = 0;
		boolean inHeap = false;
		try (BufferedReader lines = Files.newBufferedReader(smaps)) {
			String line;
			while ((line = lines.readLine()) != null) {
				Matcher mapping = MAPPING.matcher(line);
				if (mapping.lookingAt()) {
					long start = Long.parseUnsignedLong(mapping.group(1), 16);
					inHeap = start >= heap[0] && start < heap[1];
				}
				else if (line.startsWith("Rss:") && !inHeap) {
					resident += Long.parseLong(line.substring(4).replace("kB", "").trim()) * 1024;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
		return resident;
	}

	/** The heap's address range, from the {@code GC.heap_info} diagnostic command. */
	private static long[] heapRange() {
		try {
			Object info = ManagementFactory.getPlatformMBeanServer()
				.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcHeapInfo",
						new Object[] { null }, new String[] { String[].class.getName() });
			Matcher range = HEAP_RANGE.matcher(String.valueOf(info));
			return range.find() ? new long[] { Long.parseUnsignedLong(range.group(1), 16),
					Long.parseUnsignedLong(range.group(2), 16) } : null;
		}
		catch (Exception ex) {
			return null;
		}
	}

}
