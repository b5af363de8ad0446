//! SHA-256 on a thread of its own, so that hashing a file and encrypting (or decrypting) it run on two
//! cores at once: on a two-core office PC the archive's speed is then set by the slower of the two, not
//! by their sum. Data goes over in 64 KiB buffers that come back to be filled again: no allocation per
//! chunk, and memory bounded by the buffers in flight.

use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

use sha2::{Digest as _, Sha256};

use super::CHUNK;

/// Buffers in flight between the reader and the hashing thread.
const BUFFERS: usize = 8;

enum Message {
    Data(Vec<u8>),
    End,
}

/// A SHA-256 computed by a worker thread, one file after the other.
pub(super) struct ParallelHash {
    to_worker: Option<SyncSender<Message>>,
    free: Receiver<Vec<u8>>,
    digests: Receiver<[u8; 32]>,
    current: Vec<u8>,
    worker: Option<JoinHandle<()>>,
    /// Hashing here, when the system refused a thread.
    local: Option<Sha256>,
}

impl ParallelHash {
    /// Starts the worker (or, if the system refuses a thread, hashes on the caller's thread).
    pub(super) fn new() -> Self {
        let (to_worker, from_caller) = sync_channel::<Message>(BUFFERS);
        let (give_back, free) = sync_channel::<Vec<u8>>(BUFFERS + 1);
        let (send_digest, digests) = sync_channel::<[u8; 32]>(1);
        for _ in 0..BUFFERS {
            let _ = give_back.send(Vec::with_capacity(CHUNK));
        }
        let worker = std::thread::Builder::new()
            .name("vigie-archive-hash".to_owned())
            .spawn(move || {
                let mut hasher = Sha256::new();
                while let Ok(message) = from_caller.recv() {
                    match message {
                        Message::Data(mut buffer) => {
                            hasher.update(&buffer);
                            buffer.clear();
                            let _ = give_back.send(buffer);
                        }
                        Message::End => {
                            let digest: [u8; 32] = std::mem::take(&mut hasher).finalize().into();
                            if send_digest.send(digest).is_err() {
                                return;
                            }
                        }
                    }
                }
            })
            .ok();
        let local = worker.is_none().then(Sha256::new);
        Self {
            to_worker: worker.is_some().then_some(to_worker),
            free,
            digests,
            current: Vec::with_capacity(CHUNK),
            worker,
            local,
        }
    }

    /// Adds bytes to the current file's digest.
    pub(super) fn update(&mut self, mut data: &[u8]) {
        if let Some(local) = &mut self.local {
            local.update(data);
            return;
        }
        while !data.is_empty() {
            let room = CHUNK - self.current.len();
            let take = room.min(data.len());
            self.current.extend_from_slice(&data[..take]);
            data = &data[take..];
            if self.current.len() == CHUNK {
                self.send_current();
            }
        }
    }

    fn send_current(&mut self) {
        let next = self
            .free
            .recv()
            .unwrap_or_else(|_| Vec::with_capacity(CHUNK));
        let full = std::mem::replace(&mut self.current, next);
        self.send(Message::Data(full));
    }

    fn send(&mut self, message: Message) {
        let sent = self
            .to_worker
            .as_ref()
            .is_some_and(|tx| tx.send(message).is_ok());
        if !sent {
            // The worker is gone (it cannot panic on hashing, but a digest must never be wrong): the
            // file's digest is then left unmatched, which fails the check instead of passing it.
            self.to_worker = None;
        }
    }

    /// The current file's digest; the next bytes start a new file. `None` if the worker stopped, which
    /// makes the caller's comparison fail rather than pass.
    pub(super) fn finish(&mut self) -> Option<[u8; 32]> {
        if let Some(local) = &mut self.local {
            return Some(std::mem::take(local).finalize().into());
        }
        if !self.current.is_empty() {
            self.send_current();
        }
        self.send(Message::End);
        self.to_worker.as_ref()?;
        self.digests.recv().ok()
    }
}

impl Drop for ParallelHash {
    fn drop(&mut self) {
        self.to_worker = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_match_sha256_file_after_file_whatever_the_pieces() {
        let mut hash = ParallelHash::new();
        for size in [0usize, 1, CHUNK - 1, CHUNK, CHUNK + 1, 5 * CHUNK + 17] {
            let data: Vec<u8> = (0..size).map(|i| (i * 7 % 256) as u8).collect();
            for piece in data.chunks(3000) {
                hash.update(piece);
            }
            let expected: [u8; 32] = Sha256::digest(&data).into();
            assert_eq!(hash.finish(), Some(expected), "size {size}");
        }
    }
}
