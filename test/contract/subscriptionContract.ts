import { type ContractContext, event, stream } from './contractFixture';

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

export function describeSubscriptionContract(context: ContractContext): void {
  describe('subscribing to $all', () => {
    it('should catch up after a checkpoint, the checkpoint excluded, then deliver live appends', async () => {
      const id = stream('subscribe');
      const checkpoint = await context.store.append(id, [event('Old')], 'no_stream');
      await context.store.append(id, [event('Caught1'), event('Caught2')], 0n);
      const subscription = context.store.subscribeToAll({ after: checkpoint.position });
      const received: string[] = [];
      const done = (async () => {
        for await (const e of subscription) {
          if (e.streamId !== id) continue;
          received.push(e.type);
          if (received.length === 4) break;
        }
      })();
      await settle();
      await context.store.append(id, [event('Live1'), event('Live2')], 2n);
      await done;
      await subscription.close();
      expect(received).toEqual(['Caught1', 'Caught2', 'Live1', 'Live2']);
    });

    it('should deliver from the start of the log without a checkpoint', async () => {
      const id = stream('from-start');
      await context.store.append(id, [event('First')], 'no_stream');
      const subscription = context.store.subscribeToAll();
      let first: string | undefined;
      for await (const e of subscription) {
        if (e.streamId !== id) continue;
        first = e.type;
        break;
      }
      await subscription.close();
      expect(first).toBe('First');
    });

    it('should end iteration when closed', async () => {
      const subscription = context.store.subscribeToAll({});
      const drained = (async () => {
        for await (const _ of subscription) {
          // drain whatever exists
        }
        return 'ended';
      })();
      await settle();
      await subscription.close();
      await expect(drained).resolves.toBe('ended');
    });
  });
}
