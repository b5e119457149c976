package io.quire.namenode.rpc;

import io.quire.namenode.namesystem.HaGate;
import io.quire.protocol.client.ClientProtocol;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * Puts the HA gate in front of every {@link ClientProtocol} call: a NameNode that is not active
 * answers each with StandbyException (naming the active when known) before touching the
 * namespace, so clients fail over at once. Mutations check the gate again under the namesystem
 * lock ({@code Namesystem#mutate}), which closes the race with a transition.
 */
final class ClientCallGate {
  private ClientCallGate() {}

  static ClientProtocol guard(Supplier<HaGate> gate, ClientProtocol target) {
    InvocationHandler h = (proxy, method, args) -> {
      if (method.getDeclaringClass() != Object.class) {
        gate.get().checkActive(method.getName());
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (ClientProtocol) Proxy.newProxyInstance(ClientProtocol.class.getClassLoader(),
        new Class<?>[] {ClientProtocol.class}, h);
  }
}
