import { CloseCode, type ServerFrame } from '@carillon/protocol/realtime';
import type { WebSocket } from 'ws';

/**
 * One client's socket with a bounded send buffer (docs/adr/0010). Live frames
 * cannot wait for a slow reader without holding memory for it, so when the
 * bytes waiting to go out would pass the cap the socket is closed with
 * `slowConsumer` and the client resumes from its cursor. Backlog frames are
 * read from the log on demand, so they are paced instead: the sender waits
 * for the socket to flush before reading more.
 */
export class RealtimeSocket {
  private alive = true;

  constructor(
    private readonly socket: WebSocket,
    private readonly sendBufferBytes: number,
  ) {
    socket.on('pong', () => {
      this.alive = true;
    });
  }

  /** Whether frames can still be sent. */
  get isOpen(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  /** Sends a live frame; false (and the socket closing) when the client is too far behind. */
  send(frame: ServerFrame): boolean {
    return this.sendText(JSON.stringify(frame));
  }

  /** `send` for a frame already serialized (live events are, once per node, as UTF-8 bytes). */
  sendText(data: string | Buffer): boolean {
    if (!this.isOpen) return false;
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    if (this.socket.bufferedAmount + bytes > this.sendBufferBytes) {
      this.close(CloseCode.slowConsumer, 'too slow: reconnect with your last cursor');
      return false;
    }
    this.socket.send(data, { binary: false });
    return true;
  }

  /** Sends a frame, waiting for it to be flushed when the buffer is past its cap. */
  async sendPaced(frame: ServerFrame): Promise<void> {
    if (!this.isOpen) return;
    const flushed = new Promise<void>((resolve) =>
      this.socket.send(JSON.stringify(frame), () => resolve()),
    );
    if (this.socket.bufferedAmount > this.sendBufferBytes) await flushed;
  }

  /** Closes with a code; a peer that never answers the close is dropped by `ws` after 30 s. */
  close(code: number, reason: string): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.close(code, reason);
  }

  /**
   * One keep-alive round: a peer that did not answer the previous ping is
   * dropped, the others are pinged again. Returns false when dropped.
   */
  keepAlive(): boolean {
    if (!this.alive) {
      this.socket.terminate();
      return false;
    }
    this.alive = false;
    if (this.isOpen) this.socket.ping();
    return true;
  }
}
