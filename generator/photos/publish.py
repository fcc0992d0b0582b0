"""Photos: from a phone camera's file to small web images that carry no metadata.

`inspect` has already judged each photo from its header (with the other checks, so
`check` reports a wrong or oversized photo like any other mistake). `publish` decodes
each photo once, turns it upright (EXIF orientation), converts it to
sRGB and writes new files from the pixels alone: no EXIF, GPS, XMP, maker notes,
embedded thumbnails or colour profile reach the site, and neither does the original.
Results are kept in a cache keyed by the photo's bytes and these settings, so an
unchanged photo is never decoded again; the cache can be deleted at any time.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import multiprocessing
import os
import queue
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageFile, ImageOps

from generator.content.references import PhotoRef
from generator.messages import Count, t
from generator.photos.inspect import pillow
from generator.problems import Problem, os_failure

pillow()  # HEIC/HEIF and the pixel limit, as `check` had them

MAX_WORKERS = 4
# A phone photo takes about a second. One still being made after this many seconds is
# given up (its process is killed) and reported, instead of stalling the build until
# CI's own limit.
TIME_LIMIT = 60.0

# Longest side in pixels. A thumbnail fills a card or a list row (up to ~240 CSS px on a
# 2x phone screen); the large image fills a phone's width at 2x, and a laptop's column.
THUMB = 480
LARGE = 1200
JPEG_SIZE = 800  # for consumers without WebP: the social preview (og:image) and the PDF
# A list card's square (56 CSS px, sharp on a 2x screen), cut from the middle, at a low
# quality: a list of 50 fetches a screenful or two of them on a first visit. About 1.1 KB
# from a photo; even the busiest picture stays within 8 KB (tests/test_photos.py).
MINI = 112
MINI_QUALITY = 40
WEBP_QUALITY = 72
JPEG_QUALITY = 80
# Any change to how files are made must change this, so cached results are remade.
SETTINGS = (
    f"v3 webp-m4 {THUMB} {LARGE} {JPEG_SIZE} {WEBP_QUALITY} {JPEG_QUALITY} {MINI} {MINI_QUALITY}"
)
FOLDER = "foto"  # in the docs folder, hence in the site: /foto/<key>-480.webp


@dataclass(frozen=True)
class Published:
    """The web versions of one photo; paths are relative to the docs (and site) root."""

    key: str
    thumb: tuple[int, int]
    large: tuple[int, int]
    jpeg_size: tuple[int, int]

    @property
    def thumb_path(self) -> str:
        return f"{FOLDER}/{self.key}-{THUMB}.webp"

    @property
    def large_path(self) -> str:
        return f"{FOLDER}/{self.key}-{LARGE}.webp"

    @property
    def jpeg_path(self) -> str:
        return f"{FOLDER}/{self.key}-{JPEG_SIZE}.jpg"

    @property
    def mini_path(self) -> str:
        return f"{FOLDER}/{self.key}-{MINI}.webp"

    def files(self) -> dict[str, str]:
        """Site path -> file name in the cache entry."""
        return {
            self.thumb_path: "thumb.webp",
            self.large_path: "large.webp",
            self.jpeg_path: "image.jpg",
            self.mini_path: "mini.webp",
        }


@dataclass
class Report:
    processed: int = 0
    cached: int = 0


def cache_key(data: bytes) -> str:
    return hashlib.sha256(SETTINGS.encode() + b"\0" + data).hexdigest()[:20]


# A long `serve` session hashes each photo once, not on every edit of a YAML file.
_KEYS: dict[tuple[Path, int, int], str] = {}


def _key_of(source: Path) -> str:
    stat = source.stat()
    seen = (source, stat.st_size, stat.st_mtime_ns)
    if seen not in _KEYS:
        if len(_KEYS) > 10_000:
            _KEYS.clear()
        _KEYS[seen] = cache_key(source.read_bytes())
    return _KEYS[seen]


def publish(
    refs: list[PhotoRef],
    cache_dir: Path,
    workers: int | None = None,
    progress: bool = False,
    time_limit: float = TIME_LIMIT,
) -> tuple[dict[Path, Published], list[Problem], Report]:
    """Every photo in `refs`, from the cache or made now (new ones in parallel).
    Returns source path -> its web versions, problems found while decoding, counts."""
    keys: dict[Path, str] = {}
    for ref in refs:
        if ref.source not in keys:
            try:
                keys[ref.source] = _key_of(ref.source)
            except OSError as err:  # e.g. deleted since it was checked, during `serve`
                raise os_failure(err, ref.source) from None
    _forget_killed_builds(cache_dir)
    done: dict[str, Published] = {}
    todo: dict[str, Path] = {}
    for source, key in keys.items():
        cached = _from_cache(cache_dir, key)
        if cached:
            done[key] = cached
        else:
            todo.setdefault(key, source)
    report = Report(cached=len(done))
    failed: dict[str, str] = {}
    jobs = [(str(source), key, str(cache_dir)) for key, source in sorted(todo.items())]
    # At most 4: a large photo takes several hundred MB while it is decoded.
    workers = min(workers or os.cpu_count() or 1, MAX_WORKERS, len(jobs))
    try:
        outcomes = list(_outcomes(jobs, workers, progress, time_limit))
    except OSError as err:  # the cache: disk full, not writable
        raise os_failure(err, err.filename or cache_dir) from None
    for key, outcome in outcomes:
        if isinstance(outcome, Published):
            done[key] = outcome
            report.processed += 1
        else:
            failed[key] = outcome[0]
    problems = [
        ref.problem(t(code, value=ref.value, seconds=Count(time_limit)), t(code + ".hint"))
        for ref in refs
        if (code := failed.get(keys[ref.source]))
    ]
    published = {source: done[key] for source, key in keys.items() if key in done}
    return published, problems, report


def _outcomes(
    jobs: list[tuple[str, str, str]], workers: int, progress: bool, limit: float
) -> Iterator[tuple[str, Published | tuple[str]]]:
    """Each job's outcome, with a counter on the terminal. Photos are decoded in other
    processes only (even one photo): one that hangs can then be stopped. A worker that
    dies (out of memory, killed) breaks the pool: the rest are then made one process
    each, so the photo that kills its process is the one reported."""
    done: set[str] = set()

    def counted(outcome: tuple[str, Published | tuple[str]]) -> tuple[str, Published | tuple[str]]:
        done.add(outcome[0])
        if progress:
            print(f"\r{t('photo.progress', done=Count(len(done)), total=Count(len(jobs)))}",
                  end="", file=sys.stderr, flush=True)  # fmt: skip
        return outcome

    try:
        yield from (counted(outcome) for outcome in _run_parallel(jobs, workers, limit))
    except BrokenProcessPool:
        for job in jobs:
            if job[1] not in done:
                yield counted(_alone(job, limit))
    if progress and jobs:
        print(file=sys.stderr)


def _alone(job: tuple[str, str, str], limit: float) -> tuple[str, Published | tuple[str]]:
    try:
        return next(_run_parallel([job], 1, limit))
    except BrokenProcessPool:
        return job[1], ("photo.crashed",)


def _forget_killed_builds(cache_dir: Path) -> None:
    """Staging folders (`.<key>-…`) left by a build that was killed, an hour on."""
    if not cache_dir.is_dir():
        return
    for staging in cache_dir.glob(".*-*"):
        with contextlib.suppress(OSError):
            if staging.is_dir() and time.time() - staging.stat().st_mtime > 3600:
                shutil.rmtree(staging, ignore_errors=True)


def _run_parallel(
    jobs: list[tuple[str, str, str]], workers: int, limit: float
) -> Iterator[tuple[str, Published | tuple[str]]]:
    """Each job's outcome, as it comes. A photo given up for its time stops its pool;
    the photos not made yet go to a new one."""
    left = {job[1]: job for job in jobs}
    while left:
        for key, outcome in _pool(list(left.values()), workers, limit):
            del left[key]
            yield key, outcome


def _pool(
    jobs: list[tuple[str, str, str]], workers: int, limit: float
) -> Iterator[tuple[str, Published | tuple[str]]]:
    """Outcomes from one pool of workers, until every job is done or one takes longer than
    `limit` seconds: that one is reported (`photo.slow`), its process killed, the pool shut
    down. Raises BrokenProcessPool when a worker dies of itself."""
    # "spawn", not Linux's default "fork": `serve` runs this from a thread while other
    # threads (file watcher, live reload) hold locks that a forked child would inherit.
    context = multiprocessing.get_context("spawn")
    started = context.Queue()  # (key, worker's pid) when a worker begins a photo
    begun: dict[str, tuple[int, float]] = {}  # key -> (pid, when we heard of it)
    try:
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(started, _WORKER_SETUP),
        ) as pool:
            pending = {pool.submit(_make_entry_star, job): job[1] for job in jobs}
            while pending:
                done, _ = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
                for future in done:
                    del pending[future]
                    yield future.result()
                with contextlib.suppress(queue.Empty):
                    while True:
                        key, pid = started.get_nowait()
                        begun[key] = (pid, time.monotonic())
                now = time.monotonic()
                slow = [k for k in pending.values() if k in begun and now - begun[k][1] > limit]
                if slow:
                    for key in slow:
                        with contextlib.suppress(OSError):  # it may have ended just now
                            os.kill(begun[key][0], getattr(signal, "SIGKILL", signal.SIGTERM))
                    # The pool is broken now: it stops its other workers; their photos are
                    # made again by the next pool.
                    pool.shutdown(wait=True, cancel_futures=True)
                    for key in slow:
                        yield key, ("photo.slow",)
                    break
    finally:  # also when a worker died (BrokenProcessPool) or the caller stopped early
        started.close()
        started.join_thread()


# Run in each worker process as it starts. Tests set it (to make a photo slow in the
# worker itself); a build never does.
_WORKER_SETUP: Callable[[], None] | None = None
_STARTED: multiprocessing.Queue | None = None  # in a worker: where it says what it begins


def _start_worker(started: multiprocessing.Queue, setup: Callable[[], None] | None) -> None:
    global _STARTED
    _STARTED = started
    if setup is not None:
        setup()


def _make_entry_star(job: tuple[str, str, str]) -> tuple[str, Published | tuple[str]]:
    if _STARTED is not None:
        _STARTED.put((job[1], os.getpid()))
    return _make_entry(*job)


# What each cached file must be: its format, and the longest side it can have.
CACHED = {
    "thumb.webp": ("WEBP", THUMB),
    "large.webp": ("WEBP", LARGE),
    "image.jpg": ("JPEG", JPEG_SIZE),
    "mini.webp": ("WEBP", MINI),
}


# Entries already checked by this process (`serve`), with what their files were then.
_CHECKED: dict[Path, tuple[tuple[tuple[int, int, int], ...], Published]] = {}


def _from_cache(cache_dir: Path, key: str) -> Published | None:
    """The cache entry for `key`, if it is one this generator made; None otherwise (not
    there, damaged, or not ours: a `.cache` folder can come with a pull request, and its
    sizes go into the pages' HTML). Nothing in it is trusted: made again if in doubt."""
    entry = cache_dir / key
    try:
        stamp = tuple(
            (s.st_ino, s.st_size, s.st_mtime_ns)
            for s in (os.lstat(entry / name) for name in ("meta.json", *CACHED))
        )
    except OSError:
        return None
    known = _CHECKED.get(entry)
    if known and known[0] == stamp:
        return known[1]
    found = _check_entry(entry, key)
    if found:
        if len(_CHECKED) > 10_000:
            _CHECKED.clear()
        _CHECKED[entry] = (stamp, found)
    return found


def _check_entry(entry: Path, key: str) -> Published | None:
    try:
        if entry.is_symlink() or (entry / "meta.json").is_symlink():
            return None
        meta = json.loads((entry / "meta.json").read_text("utf-8"))
        found = Published(key, _size(meta["thumb"]), _size(meta["large"]), _size(meta["jpeg"]))
        sizes = {
            "thumb.webp": found.thumb,
            "large.webp": found.large,
            "image.jpg": found.jpeg_size,
            "mini.webp": (MINI, MINI),
        }
        for name, (fmt, side) in CACHED.items():
            path = entry / name
            if path.is_symlink() or not path.is_file() or max(sizes[name]) > side:
                return None
            with Image.open(path) as im:  # the header only: cheap
                if im.format != fmt or im.size != sizes[name]:
                    return None
    except (OSError, ValueError, KeyError, TypeError, SyntaxError):
        return None  # not there, or damaged: made again
    return found


def _size(value: object) -> tuple[int, int]:
    """`[width, height]` from meta.json, as two whole numbers of pixels, or ValueError."""
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(type(n) is int and 1 <= n <= LARGE for n in value)
    ):
        raise ValueError(value)
    return value[0], value[1]


def _make_entry(source: str, key: str, cache_dir: str) -> tuple[str, Published | tuple[str]]:
    """Decode one photo and write its web versions into the cache (a worker process).
    Returns (key, Published) or (key, (message code,)) when the photo can't be decoded."""
    try:
        image = _upright_srgb(Path(source))
    except (Image.DecompressionBombError, OSError, SyntaxError, ValueError, EOFError, MemoryError):
        return key, ("photo.damaged",)
    root = Path(cache_dir)
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=root))
    try:
        # Each smaller version from the next larger one: the same sharpness, less work.
        large = _fit(image, LARGE)
        jpeg = _fit(large, JPEG_SIZE)
        thumb = _fit(jpeg, THUMB)
        sizes = {"large.webp": large.size, "image.jpg": jpeg.size, "thumb.webp": thumb.size}
        _save(large, staging / "large.webp", "WEBP")
        _save(jpeg, staging / "image.jpg", "JPEG")
        _save(thumb, staging / "thumb.webp", "WEBP")
        _save_mini(thumb, staging / "mini.webp")
        published = Published(key, sizes["thumb.webp"], sizes["large.webp"], sizes["image.jpg"])
        meta = {"thumb": published.thumb, "large": published.large, "jpeg": published.jpeg_size}
        (staging / "meta.json").write_text(json.dumps(meta), "utf-8")
        try:
            staging.rename(root / key)
        except OSError:  # already there: made at the same time by another build, or damaged
            if _from_cache(root, key) is None:
                _discard(root / key)
                staging.rename(root / key)
            else:
                shutil.rmtree(staging, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return key, published


def _discard(entry: Path) -> None:
    """A cache entry that is not ours or is damaged (a link, a file, a broken folder)."""
    if entry.is_symlink() or entry.is_file():
        entry.unlink()
    else:
        shutil.rmtree(entry, ignore_errors=True)


def _upright_srgb(source: Path) -> Image.Image:
    """The photo's pixels, turned as the camera meant, in sRGB, with nothing else kept."""
    # A photo cut short must be refused, not padded with grey: another library imported
    # in this process may have turned Pillow's tolerance on for everyone.
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    with Image.open(source) as im:
        if im.format == "JPEG":
            # Decode at a reduced scale that is still larger than what we make: much faster.
            im.draft("RGB", (LARGE, LARGE))
        im.load()
        icc = im.info.get("icc_profile")
        upright = ImageOps.exif_transpose(im)
    if upright.mode in ("RGBA", "LA", "PA") or (
        upright.mode == "P" and "transparency" in upright.info
    ):
        rgba = upright.convert("RGBA")  # transparent parts (screenshots, logos) on white
        upright = Image.new("RGB", rgba.size, "white")
        upright.paste(rgba, mask=rgba.getchannel("A"))
    if upright.mode.startswith(("I", "F")):
        # 16-bit PNGs (scans, some screenshots): `convert` would clip everything above 255
        # to white; scale the 0-65535 range down to 0-255 first.
        upright = upright.convert("I").point(lambda v: v / 256).convert("L")
    if upright.mode not in ("RGB", "L", "CMYK"):
        upright = upright.convert("RGB")
    if icc:
        # Phones shoot in Display P3 and the like: convert, then drop the profile. An
        # unusable profile is ignored and the pixels are used as they are.
        with contextlib.suppress(ImageCms.PyCMSError, OSError, ValueError):
            upright = ImageCms.profileToProfile(
                upright,
                ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                ImageCms.createProfile("sRGB"),
                outputMode="RGB",
            )
    clean = upright.convert("RGB")
    clean.info = {}
    return clean


def _fit(image: Image.Image, side: int) -> Image.Image:
    copy = image.copy()
    copy.thumbnail((side, side), Image.Resampling.LANCZOS, reducing_gap=3.0)
    copy.info = {}  # nothing of the source's metadata, whatever Pillow carried along
    return copy


def _save(image: Image.Image, target: Path, fmt: str) -> None:
    if fmt == "WEBP":
        image.save(target, "WEBP", quality=WEBP_QUALITY, method=4, exif=b"", icc_profile=None)
    else:
        image.save(target, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True, exif=b"")


def _save_mini(image: Image.Image, target: Path) -> None:
    square = ImageOps.fit(image, (MINI, MINI), Image.Resampling.LANCZOS)
    square.info = {}
    square.save(target, "WEBP", quality=MINI_QUALITY, method=6, exif=b"", icc_profile=None)


def site_files(published: dict[Path, Published], cache_dir: Path) -> dict[str, Path]:
    """Site path -> file in the cache, for every published photo."""
    return {
        site_path: cache_dir / photo.key / name
        for photo in published.values()
        for site_path, name in photo.files().items()
    }


def default_cache_dir(content_dir: Path) -> Path:
    """Beside content/, outside the site: `.cache/photos/`."""
    return content_dir.resolve().parent / ".cache" / "photos"
