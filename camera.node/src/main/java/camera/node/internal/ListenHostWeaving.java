package camera.node.internal;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The rewrite of Aries RSA 1.16.1's {@code TCPServer} that makes it bind the host it is given: its constructor
 * {@code TCPServer(Object service, String localip, Integer port, int numThreads)} opens
 * {@code new ServerSocket(port)}, every interface, and uses {@code localip} only to name the endpoint. Woven, it
 * opens {@code new ServerSocket(port, 50, InetAddress.getByName(localip))}: java.* classes only, so the provider
 * bundle needs no new import. Nothing else in the class changes.
 */
final class ListenHostWeaving {
	/** The class rewritten, as {@code WovenClass.getClassName()} names it. */
	static final String CLASS_NAME = "org.apache.aries.rsa.provider.tcp.TCPServer";
	/** The bundle that holds it. */
	static final String BUNDLE = "org.apache.aries.rsa.provider.tcp";
	static final String CONSTRUCTOR = "(Ljava/lang/Object;Ljava/lang/String;Ljava/lang/Integer;I)V";
	/** The constructor's local variable holding {@code localip}: after {@code this} and {@code service}. */
	private static final int LOCAL_IP = 2;
	/** {@code new ServerSocket(port)}'s own backlog, kept. */
	private static final int BACKLOG = 50;
	private static final String SERVER_SOCKET = "java/net/ServerSocket";
	private static final String ANY_ADDRESS = "(I)V";
	private static final String GIVEN_ADDRESS = "(IILjava/net/InetAddress;)V";

	private ListenHostWeaving() {
	}

	/**
	 * @param classBytes the class file of {@link #CLASS_NAME}
	 * @return the rewritten class file, or null when the constructor does not open {@code new ServerSocket(port)}
	 *         exactly once (not the code this rewrite knows)
	 */
	static byte[] weave(byte[] classBytes) {
		ClassReader reader = new ClassReader(classBytes);
		// Only the stack grows (two more values); the frames stay as they are, so no class needs to be loaded.
		ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
		int[] rewritten = { 0 };
		reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
			@Override
			public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
					String[] exceptions) {
				MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
				if (!name.equals("<init>") || !descriptor.equals(CONSTRUCTOR)) {
					return next;
				}
				return new MethodVisitor(Opcodes.ASM9, next) {
					@Override
					public void visitMethodInsn(int opcode, String owner, String method, String desc,
							boolean isInterface) {
						if (opcode == Opcodes.INVOKESPECIAL && owner.equals(SERVER_SOCKET) && method.equals("<init>")
								&& desc.equals(ANY_ADDRESS)) {
							// The port is on the stack: add the backlog and the address, then the 3-argument constructor.
							super.visitIntInsn(Opcodes.BIPUSH, BACKLOG);
							super.visitVarInsn(Opcodes.ALOAD, LOCAL_IP);
							super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/net/InetAddress", "getByName",
									"(Ljava/lang/String;)Ljava/net/InetAddress;", false);
							super.visitMethodInsn(opcode, owner, method, GIVEN_ADDRESS, isInterface);
							rewritten[0]++;
						} else {
							super.visitMethodInsn(opcode, owner, method, desc, isInterface);
						}
					}
				};
			}
		}, 0);
		return rewritten[0] == 1 ? writer.toByteArray() : null;
	}
}
