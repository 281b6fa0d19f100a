// Client-side routes, so "follow" can be seen across pushState and popstate.
const heading = document.getElementById('route');
const show = () => {
  const route = location.pathname.split('/')[2];
  heading.textContent = route ? `Prices: ${route}` : 'All prices';
};
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-route]');
  if (!link) return;
  event.preventDefault();
  history.pushState(null, '', link.href);
  show();
});
addEventListener('popstate', show);
show();
