package io.quire.protocol.rpc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hadoop.ipc.Server;

/**
 * A fake protocol implementation for wire tests: answers each method as scripted and records
 * every call with the IPC identity (call id, client id, retry count) the handler thread saw.
 */
final class ScriptedImpl<T> implements InvocationHandler {
  /** One call the server-side implementation received. */
  record Call(String method, List<Object> args, int callId, byte[] clientId, int retryCount) {}

  /** A scripted answer; may throw the method's declared exceptions. */
  @FunctionalInterface
  interface Answer {
    Object answer(Object[] args) throws Exception;
  }

  private final Class<T> iface;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  private ScriptedImpl(Class<T> iface) {
    this.iface = iface;
  }

  static <T> ScriptedImpl<T> of(Class<T> iface) {
    return new ScriptedImpl<>(iface);
  }

  T proxy() {
    return iface.cast(Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface}, this));
  }

  void answer(String method, Answer answer) {
    answers.put(method, answer);
  }

  void returns(String method, Object value) {
    answer(method, args -> value);
  }

  void fails(String method, Exception e) {
    answer(method, args -> {
      throw e;
    });
  }

  void reset() {
    answers.clear();
    calls.clear();
  }

  List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  Call lastCall(String method) {
    List<Call> matching = calls(method);
    if (matching.isEmpty()) {
      throw new AssertionError("server received no call of " + method);
    }
    return matching.get(matching.size() - 1);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return method.invoke(this, args);
    }
    Object[] actual = args == null ? new Object[0] : args;
    calls.add(new Call(method.getName(), Arrays.asList(actual), Server.getCallId(),
        Server.getClientId(), Server.getCallRetryCount()));
    Answer answer = answers.get(method.getName());
    if (answer == null) {
      if (method.getReturnType() == void.class) {
        return null;
      }
      throw new IllegalStateException("no answer scripted for " + method.getName());
    }
    return answer.answer(actual);
  }
}
