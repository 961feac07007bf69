package cn.linli.casework;

/**
 * A photo or file as uploaded: the name and content type the client declared, and the bytes. Neither the name nor the
 * declared type is trusted: the type is read from the bytes, and the name is only ever shown and sent back sanitised.
 * The bytes are not copied (photos run to megabytes); the caller hands them over.
 */
public record NewAttachment(String fileName, String declaredType, byte[] content) {

    public NewAttachment {
        if (content == null) throw new IllegalArgumentException("content is required");
        fileName = fileName == null ? "" : fileName;
    }

    public long size() {
        return content.length;
    }
}
