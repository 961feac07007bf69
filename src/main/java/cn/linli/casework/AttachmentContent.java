package cn.linli.casework;

/** A stored attachment with its bytes, as served to a user who may see its case. */
public record AttachmentContent(CaseAttachment attachment, byte[] bytes) {
}
