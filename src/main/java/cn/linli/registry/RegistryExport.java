package cn.linli.registry;

/** An exported .xlsx and the number of residents in it. */
public record RegistryExport(byte[] content, int rows, boolean unmasked) {
}
