"use client";

import { useMe } from "@/hooks/use-api";
import type { Model } from "@/lib/client/types";
import type { ModelType } from "@/lib/vocabulary";
import { useT } from "../i18n-provider";

/**
 * Why a model cannot be used here, in words for the person looking: an admin learns what to
 * configure and where; everyone else just that the model is not available on this studio
 * (environment variable names mean nothing to them). null when it can be used.
 */
export function useModelAvailability(usable: ModelType[] = ["image"]) {
  const t = useT();
  const me = useMe();
  const admin = me.data?.role === "admin";
  return (model: Model): string | null => {
    if (!model.enabled) {
      if (!admin) return t("models.notHere");
      return model.missing_env?.length
        ? t("models.notConfiguredAdmin", { env: model.missing_env.join(", ") })
        : t("models.disabledAdmin");
    }
    // local/pixelize is an operation that also turns an upload into pixel art on the image routes
    const upload = usable.includes("image") && model.capabilities?.acceptsUpload === true;
    if (!usable.includes(model.type) && !upload)
      return t("models.otherType", { type: t(`type.${model.type}` as "type.image") });
    return null;
  };
}
