import { upcast } from '#src/domain/upcast';
import {
  type EventStore,
  EventStoreUnavailableError,
  type GlobalPosition,
  type RecordedEvent,
  type Subscription,
  comparePositions,
  formatPosition,
} from '#src/eventStore/eventStore';
import { type ReadModels, applyEvent, createReadModels } from './index';
import { type PositionWaiter, PositionWaiters } from './positionWaiters';
import { type RebuildResult, rebuildBeside } from './rebuild';

const RESUBSCRIBE_PAUSE_MS = 1000;

export type RunnerListener = (event: RecordedEvent, models: ReadModels) => void;

/**
 * Keeps the live read models: catches up from the start of the log, then follows live appends,
 * applying events in global order. Callers can wait until a position has been applied
 * (read-your-writes). If an event cannot be applied, the runner stops there and reports where,
 * rather than serve numbers that silently miss it.
 */
export class ProjectionRunner {
  models: ReadModels = createReadModels();
  position: GlobalPosition | null = null;
  /** The last event's recording time: answers "as of now" without a replay. */
  lastRecordedAt: Date | null = null;
  failure: { position: string; message: string } | null = null;
  private subscription: Subscription | null = null;
  private readonly waiters = new PositionWaiters();
  private listeners = new Set<RunnerListener>();
  private caughtUpTarget: GlobalPosition | null = null;
  private ready = false;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private rebuilding: Promise<RebuildResult> | null = null;
  private held: Promise<void> | null = null;

  constructor(private readonly store: EventStore) {}

  /** Begins from read models restored from a snapshot, at its position, instead of from nothing: before start(). */
  restore(from: { models: ReadModels; position: GlobalPosition; lastRecordedAt: Date | null }): void {
    if (this.loop) throw new Error('The runner has started: read models can be restored only before');
    this.models = from.models;
    this.position = from.position;
    this.lastRecordedAt = from.lastRecordedAt;
  }

  /** Starts following the log; resolves once the events present at start-up have been applied. */
  async start(): Promise<void> {
    try {
      for await (const head of this.store.readAll({ direction: 'backwards', maxCount: 1 }))
        this.caughtUpTarget = head.position;
    } catch (error) {
      // A head event that cannot be read is damage to report like any other; the store being down is not.
      if (!(error instanceof EventStoreUnavailableError))
        this.failure = { position: 'at the head of the log', message: (error as Error).message };
      throw error;
    }
    const caughtUp = this.caughtUpTarget ? this.waitFor(this.caughtUpTarget) : Promise.resolve();
    this.subscription = this.store.subscribeToAll(this.position ? { after: this.position } : {});
    this.loop = this.follow(this.subscription);
    await caughtUp;
    this.ready = true;
  }

  isReady(): boolean {
    return this.ready && this.failure === null;
  }

  /**
   * Rebuilds every read model from the log beside the live ones, which keep serving, and switches
   * when the new ones have caught up (SIGHUP in the service). A rebuild already running is joined.
   */
  rebuild(): Promise<RebuildResult> {
    if (this.failure) return Promise.reject(new Error(`Read models stopped ${this.failure.position}`));
    this.rebuilding ??= rebuildBeside(this.store, {
      position: () => this.position,
      switchTo: (models) => void (this.models = models),
    }).finally(() => (this.rebuilding = null));
    return this.rebuilding;
  }

  /**
   * Applies no further event until the returned function is called: for work that reads the models over
   * several turns of the event loop and needs them as they are now (a snapshot being written). Reads go
   * on meanwhile; waits for a position wait longer.
   */
  hold(): () => void {
    if (this.held) throw new Error('The read models are already held');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    this.held = held;
    return () => {
      if (this.held === held) this.held = null;
      release();
    };
  }

  private async follow(subscription: Subscription): Promise<void> {
    let current: RecordedEvent | null = null;
    try {
      for await (const event of subscription) {
        if (this.held) await this.held;
        current = event;
        applyEvent(this.models, upcast(event));
        this.position = event.position;
        this.lastRecordedAt = event.recordedAt;
        for (const listener of this.listeners) listener(event, this.models);
        this.releaseWaiters();
      }
    } catch (error) {
      // The store went away: the models are right, only behind; follow again from where they are.
      if (error instanceof EventStoreUnavailableError && !this.stopping) return this.resume();
      const after = current ? formatPosition(current.position) : 'the start';
      this.failure = { position: `after ${after}`, message: (error as Error).message };
      this.waiters.rejectAll(new Error(`Read models stopped ${this.failure.position}`));
    }
  }

  /** Subscribes again, after a pause, from the last event applied (the store's own retries ran out). */
  private async resume(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, RESUBSCRIBE_PAUSE_MS).unref());
    if (this.stopping) return;
    this.subscription = this.store.subscribeToAll(this.position ? { after: this.position } : {});
    return this.follow(this.subscription);
  }

  /** Resolves when the event at `position` has been applied to the live read models. */
  waitFor(position: GlobalPosition, timeoutMs = 10_000): Promise<void> {
    if (this.position && comparePositions(this.position, position) >= 0) return Promise.resolve();
    if (this.failure) return Promise.reject(new Error(`Read models stopped ${this.failure.position}`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.cancel(waiter);
        reject(new Error(`Read models did not reach ${formatPosition(position)} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: PositionWaiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.add(waiter);
    });
  }

  onEvent(listener: RunnerListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Callers waiting in waitFor() now. */
  get waiting(): number {
    return this.waiters.size;
  }

  private releaseWaiters(): void {
    if (this.position) this.waiters.releaseUpTo(this.position);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.close();
    await this.loop;
  }
}
