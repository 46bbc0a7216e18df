package dev.imsauth.architecture;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What one class file's constant pool names: every UTF-8 constant (class names, descriptors, signatures,
 * string literals, annotation types) and every field or method reference with its owner class. Enough to
 * tell which packages and which members of an API a compiled class uses, without running it.
 */
record ClassFileReferences(List<String> texts, List<MemberRef> members) {

    /** A field or method the class uses: owner in internal form ({@code javax/servlet/Filter}), name, descriptor. */
    record MemberRef(String owner, String name, String descriptor, boolean method) {
        @Override
        public String toString() {
            return owner.replace('/', '.') + "." + name + descriptor;
        }
    }

    private static final int MAGIC = 0xCAFEBABE;

    static ClassFileReferences parse(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();                     // minor
        in.readUnsignedShort();                     // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[][] refs = new int[count][];            // tag, first index, second index
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;                            // eight-byte constants take two slots
                }
                case 7, 8, 16, 19, 20 -> refs[i] = new int[] {tag, in.readUnsignedShort(), 0};
                case 9, 10, 11, 12, 17, 18 -> refs[i] = new int[] {tag, in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> refs[i] = new int[] {tag, in.readUnsignedByte(), in.readUnsignedShort()};
                default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
            }
        }
        List<String> texts = new ArrayList<>();
        List<MemberRef> members = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (utf8[i] != null) {
                texts.add(utf8[i]);
            } else if (refs[i] != null && refs[i][0] >= 9 && refs[i][0] <= 11) {
                String owner = utf8[refs[refs[i][1]][1]];
                int[] nameAndType = refs[refs[i][2]];
                members.add(new MemberRef(owner, utf8[nameAndType[1]], utf8[nameAndType[2]], refs[i][0] != 9));
            }
        }
        return new ClassFileReferences(List.copyOf(texts), List.copyOf(members));
    }
}
