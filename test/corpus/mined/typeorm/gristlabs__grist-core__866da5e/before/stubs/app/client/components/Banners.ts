export { buildHomeBanners, buildDocumentBanners } from "app/client/components/CoreBanners";
