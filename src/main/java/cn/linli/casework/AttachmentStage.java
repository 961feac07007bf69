package cn.linli.casework;

/** The step of a case a photo or file documents: what the caller showed at intake, the handler's result, the check on site. */
public enum AttachmentStage {
    INTAKE, RESULT, VERIFICATION
}
