import { z } from "zod";

/** Shared by the sign-up/login/reset forms and Better Auth's configuration. */
export const PASSWORD_MIN = 8;
/** bcrypt ignores bytes past 72. */
export const PASSWORD_MAX = 72;
export const NAME_MAX = 100;

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Email is required")
  .max(254, "Email is too long")
  .pipe(z.email("Enter a valid email address"));

const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters`)
  .refine((p) => new TextEncoder().encode(p).length <= PASSWORD_MAX, {
    message: `Password must be at most ${PASSWORD_MAX} bytes`,
  });

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(NAME_MAX, "Name is too long"),
  email: emailSchema,
  password: passwordSchema,
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Password is required"),
});

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z
  .object({ password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "Passwords do not match",
  });
