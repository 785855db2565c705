//! One sort for the query path. Every element type sorted with
//! `sort_unstable` puts another copy of the standard sort (2–3 kB) into the
//! wasm; the query path sorts ids, pairs of ids and positions, all of which
//! pack losslessly into a `u64` key, so they all share the `u64` instance.

/// Sorts `v` ascending by its packed key; `pack` must be order-preserving and
/// `unpack` its inverse.
fn sort_packed<T: Copy>(v: &mut [T], pack: impl Fn(T) -> u64, unpack: impl Fn(u64) -> T) {
    let mut keys: Vec<u64> = v.iter().map(|&x| pack(x)).collect();
    keys.sort_unstable();
    for (slot, k) in v.iter_mut().zip(keys) {
        *slot = unpack(k);
    }
}

pub fn sort_u32(v: &mut [u32]) {
    sort_packed(v, u64::from, |k| k as u32);
}

/// Pairs of a `u32` and an index below 2³², in tuple order.
pub fn sort_u32_index(v: &mut [(u32, usize)]) {
    debug_assert!(v.iter().all(|&(_, i)| i <= u32::MAX as usize));
    sort_packed(
        v,
        |(a, i)| (u64::from(a) << 32) | i as u64,
        |k| ((k >> 32) as u32, (k & 0xFFFF_FFFF) as usize),
    );
}

pub fn sort_u32_u16(v: &mut [(u32, u16)]) {
    sort_packed(
        v,
        |(a, b)| (u64::from(a) << 16) | u64::from(b),
        |k| ((k >> 16) as u32, k as u16),
    );
}

/// Ranges with ends below 2³² (char offsets into one text), in tuple order.
pub fn sort_ranges(v: &mut [(usize, usize)]) {
    debug_assert!(v
        .iter()
        .all(|&(s, e)| s <= u32::MAX as usize && e <= u32::MAX as usize));
    sort_packed(
        v,
        |(s, e)| ((s as u64) << 32) | e as u64,
        |k| ((k >> 32) as usize, (k & 0xFFFF_FFFF) as usize),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn packed_sorts_agree_with_the_standard_sort(
            a in proptest::collection::vec(any::<u32>(), 0..200),
            b in proptest::collection::vec((any::<u32>(), 0usize..=u32::MAX as usize), 0..200),
            c in proptest::collection::vec((any::<u32>(), any::<u16>()), 0..200),
            d in proptest::collection::vec((0usize..=u32::MAX as usize, 0usize..=u32::MAX as usize), 0..200),
        ) {
            let (mut x, mut y) = (a.clone(), a);
            sort_u32(&mut x);
            y.sort_unstable();
            prop_assert_eq!(x, y);
            let (mut x, mut y) = (b.clone(), b);
            sort_u32_index(&mut x);
            y.sort_unstable();
            prop_assert_eq!(x, y);
            let (mut x, mut y) = (c.clone(), c);
            sort_u32_u16(&mut x);
            y.sort_unstable();
            prop_assert_eq!(x, y);
            let (mut x, mut y) = (d.clone(), d);
            sort_ranges(&mut x);
            y.sort_unstable();
            prop_assert_eq!(x, y);
        }
    }
}
