package dev.cloudshop.image.rendering;

/**
 * One rendition as it is stored and served.
 *
 * @param format what it is encoded as: JPEG, or PNG where the image has transparency
 * @param width its width in pixels
 * @param height its height in pixels
 * @param bytes the encoded image, without any metadata
 */
public record EncodedImage(ImageFormat format, int width, int height, byte[] bytes) {
}
