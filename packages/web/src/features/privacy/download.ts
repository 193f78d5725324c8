import { saveBlob } from '../../api/download';

/**
 * Offers `content` as a file download named `name`, from memory (for answers
 * the client already holds, such as a consent receipt).
 */
export function saveFile(name: string, content: string, type: string): void {
  saveBlob(new Blob([content], { type }), name);
}
