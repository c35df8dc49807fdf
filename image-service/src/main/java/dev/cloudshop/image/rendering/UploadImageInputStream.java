package dev.cloudshop.image.rendering;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.IIOException;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * An upload as a decoder reads it: from memory, and only so often past its end.
 * <p>
 * Decoders read a little past the end of an image as they fill their buffers; that is
 * allowed. But the TwelveMonkeys WebP decoder, when the data runs out, tries to read on
 * for every remaining pixel, each time through an {@code EOFException} it catches: a
 * lossless WebP of a few dozen bytes declaring 40 megapixels would take more than a
 * minute of CPU. Past {@link #MAX_READS_PAST_END} such reads the image is taken as
 * incomplete: the error is not an {@code EOFException}, so no decoder swallows it.
 */
final class UploadImageInputStream extends MemoryCacheImageInputStream {

	static final int MAX_READS_PAST_END = 65_536;

	private int readsPastEnd;

	UploadImageInputStream(byte[] upload) {
		super(new ByteArrayInputStream(upload));
	}

	@Override
	public int read() throws IOException {
		return counted(super.read());
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		return counted(super.read(buffer, offset, length));
	}

	private int counted(int result) throws IIOException {
		if (result == -1 && ++this.readsPastEnd > MAX_READS_PAST_END) {
			throw new IIOException("Read past the end of the image data " + MAX_READS_PAST_END + " times");
		}
		return result;
	}

}
