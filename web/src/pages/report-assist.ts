import type Map from 'ol/Map.js';
import { fitPlace, placeSearch } from '../map/place-search.js';
import { PhotoTooLargeError, shrinkPhoto } from '../photo.js';
import { t } from '../i18n.js';

/**
 * The report form's helpers, kept out of report.ts: the place search above the
 * map (the location set from the keyboard alone: search, choose, done), and
 * the photo made small on the phone with its EXIF position and time kept.
 */
export function addPlaceSearch(mapEl: HTMLElement, map: Map, jurisdiction: string, choose: (lonLat: [number, number]) => void): void {
  mapEl.before(
    placeSearch({
      jurisdiction,
      id: 'place-search',
      onChoose: (place) => {
        fitPlace(map, place);
        choose([place.lon, place.lat]);
      },
    }),
  );
}

/** The form's photo replaced by its shrunk copy (EXIF kept); a photo still too large is refused here, before any upload. */
export async function shrinkFormPhoto(data: FormData, maxPhotoMb: number): Promise<void> {
  const photo = data.get('photo');
  if (!(photo instanceof File) || photo.size === 0) return;
  try {
    data.set('photo', await shrinkPhoto(photo, maxPhotoMb * 1024 * 1024), photo.name.replace(/\.\w+$/, '') + '.jpg');
  } catch (err) {
    if (err instanceof PhotoTooLargeError) throw new Error(`${t('photo_too_large')} ${maxPhotoMb}`, { cause: err });
    throw err;
  }
}
