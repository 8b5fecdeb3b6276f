package io.kinesisworkbook.emulator.s3;

import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * A bucket's tags in S3's XML, both ways ({@code <Tagging><TagSet><Tag><Key/><Value/></Tag>...}), with
 * S3's checks; and the tags a CreateBucket may carry in its {@code CreateBucketConfiguration}.
 */
final class BucketTags {

    static final int MAX_TAGS = 50;
    private static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

    private BucketTags() {
    }

    /**
     * Reads and checks a PutBucketTagging body.
     *
     * @throws S3Errors.S3Exception MalformedXML or InvalidTag
     */
    static Map<String, String> read(byte[] body) {
        Element root = Xml.parse(body);
        if (root == null || !"Tagging".equals(root.getLocalName()) || Xml.children(root, "TagSet").size() != 1) {
            throw S3Errors.malformedXml();
        }
        return checked(Xml.children(root, "TagSet").get(0));
    }

    /** The tags of a CreateBucket request's {@code CreateBucketConfiguration}, unchecked; empty when it has none. */
    static Map<String, String> ofCreateBucket(byte[] body) {
        Element root = body.length == 0 ? null : Xml.parse(body);
        Map<String, String> tags = new LinkedHashMap<>();
        if (root != null) {
            for (Element set : Xml.children(root, "Tags")) {
                Xml.children(set, "Tag").forEach(tag -> tags.put(Xml.text(tag, "Key"), valueOf(tag)));
            }
        }
        return tags;
    }

    static String write(Map<String, String> tags) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Tagging xmlns=\"")
                .append(NAMESPACE).append("\"><TagSet>");
        tags.forEach((key, value) -> xml.append("<Tag><Key>").append(Xml.escape(key)).append("</Key><Value>")
                .append(Xml.escape(value)).append("</Value></Tag>"));
        return xml.append("</TagSet></Tagging>").toString();
    }

    private static Map<String, String> checked(Element tagSet) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Element tag : Xml.children(tagSet, "Tag")) {
            String key = Xml.text(tag, "Key");
            String value = valueOf(tag);
            if (key == null || key.isEmpty()) {
                throw S3Errors.malformedXml();
            }
            if (key.length() > 128) {
                throw S3Errors.invalidTag("The TagKey you have provided is too long, max 128");
            }
            if (value.length() > 256) {
                throw S3Errors.invalidTag("The TagValue you have provided is too long, max 256");
            }
            if (key.startsWith("aws:")) {
                throw S3Errors.invalidTag("System tags cannot be added/updated by requester");
            }
            if (tags.put(key, value) != null) {
                throw S3Errors.invalidTag("Cannot provide multiple Tags with the same key");
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw S3Errors.invalidTag("Bucket tag count cannot be greater than " + MAX_TAGS);
        }
        return tags;
    }

    private static String valueOf(Element tag) {
        String value = Xml.text(tag, "Value");
        return value == null ? "" : value;
    }
}
