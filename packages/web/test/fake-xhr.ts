/** One upload the app made through XMLHttpRequest. */
export interface SentUpload {
  method: string;
  url: string;
  headers: Record<string, string>;
  file: File | null;
}

/** The answer to one upload; a promise holds the upload at half its bytes until it settles. */
type UploadReply = { status: number; body: unknown };

/**
 * A stand-in for XMLHttpRequest (uploads report progress through it, fetch
 * cannot): records each request's file, reports half of it, then, once
 * `reply(file)` has answered, all of it and that answer as JSON.
 */
export function fakeXhr(reply: (file: File) => UploadReply | Promise<UploadReply>) {
  const sent: SentUpload[] = [];
  class FakeXMLHttpRequest {
    upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    withCredentials = false;
    status = 0;
    responseText = '';
    private request: SentUpload = { method: '', url: '', headers: {}, file: null };
    private aborted = false;
    open(method: string, url: string) {
      this.request = { method, url, headers: {}, file: null };
    }
    setRequestHeader(key: string, value: string) {
      this.request.headers[key] = value;
    }
    abort() {
      this.aborted = true;
      this.onabort?.();
    }
    send(form: FormData) {
      const file = form.get('file');
      this.request.file = file instanceof File ? file : null;
      sent.push(this.request);
      setTimeout(async () => {
        const total = this.request.file?.size ?? 0;
        const progress = (loaded: number) =>
          this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent);
        progress(total / 2);
        const answer = await reply(this.request.file!);
        if (this.aborted) return;
        progress(total);
        this.status = answer.status;
        this.responseText = JSON.stringify(answer.body);
        this.onload?.();
      }, 0);
    }
  }
  return { XMLHttpRequest: FakeXMLHttpRequest, sent };
}
