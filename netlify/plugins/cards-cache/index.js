// Keeps the share cards gen build draws (.cache/cards, see gen/internal/cardcache)
// from one Netlify build to the next, with Netlify's own build cache: restored
// before the build, saved after it. A card found there is not drawn again.
const dir = '.cache/cards';

export const onPreBuild = async ({ utils }) => {
  await utils.cache.restore(dir);
};

export const onPostBuild = async ({ utils }) => {
  await utils.cache.save(dir);
};
